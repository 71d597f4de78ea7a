package dev.migrator.test;

import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrator.autoconfigure.StartupMigrations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@link SpringSecondClassTests}: two Spring test classes, two databases, one template migration. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@WithMigratedDatabase
class SpringFirstClassTests {

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		TestServer.SERVER_DATABASE.springDataSourceProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	DataSource dataSource;

	@Autowired
	SpringTestDatabase database;

	@Autowired
	StartupMigrations startup;

	@Test
	void hasTheMigratedSchemaAndTheStartupRunHadNothingToApply() throws SQLException {
		IsolationChecks.hasTheMigratedSchema(this.dataSource);
		assertThat(this.startup.report("migrator").applied()).isEmpty();
		assertThat(this.startup.report("migrator").alreadyApplied()).isEqualTo(2);
	}

	@Test
	void seesNoDataOfOtherClasses() throws SQLException {
		assertThat(this.database.database().jdbcUrl()).endsWith("/" + this.database.database().name());
		IsolationChecks.seesNoDataOfOtherClasses(this.dataSource, getClass());
	}

}
