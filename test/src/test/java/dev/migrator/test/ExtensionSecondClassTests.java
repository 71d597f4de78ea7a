package dev.migrator.test;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@link ExtensionFirstClassTests}: two classes, two databases, one template migration. Here each method gets a
 * database of its own.
 */
class ExtensionSecondClassTests {

	@RegisterExtension
	static MigratedDatabaseExtension db = MigratedDatabaseExtension.on(TestServer::server)
		.location("classpath:db/migrations")
		.perMethod();

	@Test
	void hasTheMigratedSchema(DataSource dataSource) throws SQLException {
		IsolationChecks.hasTheMigratedSchema(dataSource);
		writesARowAndSeesOnlyItAndTheSeed("hasTheMigratedSchema");
	}

	@Test
	void seesNoDataOfOtherClasses() throws SQLException {
		IsolationChecks.seesNoDataOfOtherClasses(db.dataSource(), getClass());
	}

	@Test
	void seesNoDataOfOtherMethods() throws SQLException {
		writesARowAndSeesOnlyItAndTheSeed("seesNoDataOfOtherMethods");
	}

	private static void writesARowAndSeesOnlyItAndTheSeed(String method) throws SQLException {
		try (Connection connection = db.database().connect()) {
			connection.createStatement().execute("INSERT INTO notes (author) VALUES ('" + method + "')");
			assertThat(TestServer.column(connection, "SELECT author FROM notes ORDER BY id")).containsExactly("seed",
					method);
		}
	}

}
