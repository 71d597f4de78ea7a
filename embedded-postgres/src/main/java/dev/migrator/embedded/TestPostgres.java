package dev.migrator.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server of a test JVM: one embedded server started on first use, or the server that
 * {@code MIGRATOR_TEST_JDBC_URL} (with {@code MIGRATOR_TEST_USERNAME} and {@code MIGRATOR_TEST_PASSWORD}) names.
 * Each call of {@link #newDatabase(String)} creates a fresh database on it, so test classes never share state.
 */
public final class TestPostgres {

	/** Environment variable naming an external server; its user needs CREATEDB (and superuser for role tests). */
	public static final String URL_VARIABLE = "MIGRATOR_TEST_JDBC_URL";

	private static Server server;

	private TestPostgres() {
	}

	/**
	 * Creates a fresh, empty database.
	 * @param purpose a short word that appears in the database name, such as the test class
	 * @return how to reach the new database
	 */
	public static synchronized TestDatabase newDatabase(String purpose) {
		Server current = server();
		String name = ("t_" + purpose.replaceAll("[^A-Za-z0-9]", "") + "_"
				+ UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
		if (name.length() > 63) {
			name = name.substring(name.length() - 63);
			name = "t" + name.substring(1);
		}
		try (Connection admin = DriverManager.getConnection(current.url(current.maintenanceDatabase), current.username,
				current.password)) {
			admin.createStatement().execute("CREATE DATABASE \"" + name + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + ": " + ex.getMessage(), ex);
		}
		current.created.add(name);
		return new TestDatabase(current.url(name), current.username, current.password);
	}

	private static Server server() {
		if (server == null) {
			String url = System.getenv(URL_VARIABLE);
			if (url != null && !url.isBlank()) {
				Server external = Server.external(url, System.getenv("MIGRATOR_TEST_USERNAME"),
						System.getenv("MIGRATOR_TEST_PASSWORD"));
				Runtime.getRuntime().addShutdownHook(new Thread(external::dropCreatedDatabases, "test-databases-drop"));
				server = external;
			}
			else {
				server = Server.embedded();
			}
		}
		return server;
	}

	/** A database created for a test: its URL and credentials. */
	public record TestDatabase(String url, String username, String password) {

		/** A non-pooling data source for the database. */
		public PGSimpleDataSource dataSource() {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(this.url);
			dataSource.setUser(this.username);
			dataSource.setPassword(this.password);
			return dataSource;
		}

		/** {@code spring.datasource.url}, {@code username} and {@code password} for the database, in that order. */
		public Map<String, String> springDataSourceProperties() {
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("spring.datasource.url", this.url);
			properties.put("spring.datasource.username", this.username);
			properties.put("spring.datasource.password", this.password);
			return properties;
		}

		/** The same, as {@code name=value} strings. */
		public String[] springDataSourcePairs() {
			return springDataSourceProperties().entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new);
		}

		/** The first column of the first row of a query, or {@code null} when it returns no row. */
		public String queryValue(String sql) {
			try (Connection connection = connect(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
				return rs.next() ? rs.getString(1) : null;
			}
			catch (SQLException ex) {
				throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
			}
		}

		/** A new connection to the database. */
		public Connection connect() throws SQLException {
			return DriverManager.getConnection(this.url, this.username, this.password);
		}

	}

	private record Server(String prefix, String query, String maintenanceDatabase, String username, String password,
			List<String> created) {

		Server(String prefix, String query, String maintenanceDatabase, String username, String password) {
			this(prefix, query, maintenanceDatabase, username, password, new CopyOnWriteArrayList<>());
		}

		/** Leaves an external server as it was; an embedded one is deleted whole. */
		void dropCreatedDatabases() {
			try (Connection admin = DriverManager.getConnection(url(this.maintenanceDatabase), this.username,
					this.password)) {
				for (String name : this.created) {
					admin.createStatement().execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
				}
			}
			catch (SQLException ex) {
				System.err.println("Could not drop the test databases " + this.created + ": " + ex.getMessage());
			}
		}

		static Server embedded() {
			EmbeddedPostgres postgres = EmbeddedPostgres.startTemporary();
			return new Server("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/", "", "postgres",
					postgres.superuser(), "");
		}

		static Server external(String url, String username, String password) {
			int slash = url.indexOf('/', "jdbc:postgresql://".length());
			if (!url.startsWith("jdbc:postgresql://") || slash < 0) {
				throw new IllegalArgumentException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/database");
			}
			String rest = url.substring(slash + 1);
			int question = rest.indexOf('?');
			String database = question < 0 ? rest : rest.substring(0, question);
			String query = question < 0 ? "" : rest.substring(question);
			return new Server(url.substring(0, slash + 1), query, database.isEmpty() ? "postgres" : database,
					username, password == null ? "" : password);
		}

		String url(String database) {
			return this.prefix + database + this.query;
		}

	}

}
