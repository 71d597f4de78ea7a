package dev.migrator.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;

/** The server of these tests (embedded, or MIGRATOR_TEST_JDBC_URL's), and what the test classes saw. */
final class TestServer {

	/** An empty database on the server, through which the tests reach it; nothing may change it. */
	static final TestDatabase SERVER_DATABASE = TestPostgres.newDatabase("server");

	/** The names of the databases the test classes got, to prove that none got another's. */
	static final Set<String> DATABASES_SEEN = ConcurrentHashMap.newKeySet();

	private TestServer() {
	}

	static PostgresServer server() {
		return PostgresServer.of(SERVER_DATABASE.url(), SERVER_DATABASE.username(), SERVER_DATABASE.password());
	}

	/** The templates of this JVM migrated from the tests' classpath:db/migrations. */
	static List<Template> templatesOfTheTestFolder() {
		return TemplateDatabases.migrations()
			.stream()
			.filter((template) -> template.location().equals("classpath:db/migrations"))
			.toList();
	}

	/** The first column of each row of a query. */
	static List<String> column(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
	}

}
