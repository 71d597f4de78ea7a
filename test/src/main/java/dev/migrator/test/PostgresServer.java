package dev.migrator.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server the tests use, reached through one database on it: the URL of the application's test
 * database, of a Testcontainers container ({@code container.getJdbcUrl()}), or of an embedded server's
 * {@code postgres} database. Its user needs the CREATEDB privilege: template and test databases are created beside
 * that database, which itself is never changed.
 *
 * @param jdbcUrl a {@code jdbc:postgresql://host:port/database} URL, parameters allowed
 * @param username the user
 * @param password the password, empty for none
 */
public record PostgresServer(String jdbcUrl, String username, String password) {

	private static final String SCHEME = "jdbc:postgresql://";

	public PostgresServer {
		if (jdbcUrl == null || !jdbcUrl.startsWith(SCHEME)) {
			throw new IllegalArgumentException("The test server's JDBC URL '" + withoutParameters(jdbcUrl)
					+ "' is not a jdbc:postgresql://host:port/database URL; give the URL of a database on the"
					+ " PostgreSQL server the tests use, such as jdbc:postgresql://localhost:5432/postgres");
		}
		password = (password != null) ? password : "";
	}

	/** The server of a URL, user and password. */
	public static PostgresServer of(String jdbcUrl, String username, String password) {
		return new PostgresServer(jdbcUrl, username, password);
	}

	/**
	 * The URL of another database on this server, with the same parameters.
	 * @param database the database name
	 * @return the URL
	 */
	public String urlOf(String database) {
		int slash = this.jdbcUrl.indexOf('/', SCHEME.length());
		int question = this.jdbcUrl.indexOf('?', SCHEME.length());
		String parameters = (question < 0) ? "" : this.jdbcUrl.substring(question);
		int hostEnd = (slash >= 0 && (question < 0 || slash < question)) ? slash
				: (question < 0 ? this.jdbcUrl.length() : question);
		return this.jdbcUrl.substring(0, hostEnd) + "/" + database + parameters;
	}

	/** {@code host:port}, for messages: never the password. */
	public String address() {
		String url = urlOf("");
		return url.substring(SCHEME.length(), url.indexOf('/', SCHEME.length()));
	}

	/** A connection to the database of {@link #jdbcUrl()}, for CREATE and DROP DATABASE. */
	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.username, this.password);
	}

	private static String withoutParameters(String url) {
		if (url == null) {
			return "null";
		}
		int question = url.indexOf('?');
		return (question < 0) ? url : url.substring(0, question) + "?...";
	}

}
