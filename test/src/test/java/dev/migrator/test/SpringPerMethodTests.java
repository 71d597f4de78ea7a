package dev.migrator.test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh database for each method: each sees only its own row, in a database of its own, dropped after it. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@WithMigratedDatabase(WithMigratedDatabase.Scope.METHOD)
class SpringPerMethodTests {

	private static final Set<String> databases = ConcurrentHashMap.newKeySet();

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		TestServer.SERVER_DATABASE.springDataSourceProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void first() {
		writesARowAndSeesOnlyItAndTheSeed("first");
	}

	@Test
	void second() {
		writesARowAndSeesOnlyItAndTheSeed("second");
	}

	private void writesARowAndSeesOnlyItAndTheSeed(String method) {
		assertThat(databases.add(this.jdbc.sql("SELECT current_database()").query(String.class).single())).isTrue();
		this.jdbc.sql("INSERT INTO notes (author) VALUES (?)").param(method).update();
		assertThat(this.jdbc.sql("SELECT author FROM notes ORDER BY id").query(String.class).list())
			.containsExactly("seed", method);
	}

	@AfterAll
	static void everyMethodsDatabaseIsDropped() {
		assertThat(databases).hasSize(2);
		for (String database : databases) {
			assertThat(TestServer.SERVER_DATABASE
				.queryValue("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'")).isEqualTo("0");
		}
	}

}
