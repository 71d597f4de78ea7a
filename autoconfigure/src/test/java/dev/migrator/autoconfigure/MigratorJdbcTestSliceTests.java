package dev.migrator.autoconfigure;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code @JdbcTest} slice on PostgreSQL sees the migrated schema with no setup of its own. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class MigratorJdbcTestSliceTests {

	private static final TestDatabase db = TestPostgres.newDatabase("slice");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		db.springDataSourceProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	JdbcClient jdbcClient;

	@Test
	void seesTheMigratedSchema() {
		assertThat(this.jdbcClient.sql("SELECT name FROM widgets ORDER BY id").query(String.class).list())
			.containsExactly("sprocket", "gear");
	}

	@SpringBootConfiguration
	static class SliceApp {

	}

}
