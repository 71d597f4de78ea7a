package dev.migrator.test;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What every test class of a fresh migrated database checks, whichever way it got it. */
final class IsolationChecks {

	private IsolationChecks() {
	}

	/** The migrated schema and seed row are there, with both history rows, and the template was migrated once. */
	static void hasTheMigratedSchema(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(TestServer.column(connection, "SELECT author FROM notes")).contains("seed");
			assertThat(TestServer.column(connection, "SELECT count(*) FROM drizzle.__drizzle_migrations"))
				.containsExactly("2");
		}
		assertThat(TestServer.templatesOfTheTestFolder()).hasSize(1);
		assertThat(TestServer.templatesOfTheTestFolder().get(0).report().applied().size()
				+ TestServer.templatesOfTheTestFolder().get(0).report().alreadyApplied())
			.isEqualTo(2);
	}

	/**
	 * Writes a row naming the test class, then sees only the seed row and that one: no other class's rows. The
	 * database is one no other class got.
	 */
	static void seesNoDataOfOtherClasses(DataSource dataSource, Class<?> testClass) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			String database = TestServer.column(connection, "SELECT current_database()").get(0);
			assertThat(TestServer.DATABASES_SEEN.add(database)).as("another class got " + database).isTrue();
			connection.createStatement().execute("INSERT INTO notes (author) VALUES ('" + testClass.getSimpleName() + "')");
			assertThat(TestServer.column(connection, "SELECT author FROM notes ORDER BY id"))
				.containsExactly("seed", testClass.getSimpleName());
		}
		assertThat(TestServer.SERVER_DATABASE.queryValue("SELECT to_regclass('notes')")).isNull();
	}

}
