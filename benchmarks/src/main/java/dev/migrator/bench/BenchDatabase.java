package dev.migrator.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of one run: its name, JDBC URL and credentials.
 * @param name database name
 * @param url JDBC URL, {@code jdbc:postgresql://host:port/name[?query]}
 * @param username user
 * @param password password, empty for none
 */
record BenchDatabase(String name, String url, String username, String password) {

	/** A data source that opens a new connection per call, as the tools' own runners expect. */
	PGSimpleDataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.url);
		dataSource.setUser(this.username);
		dataSource.setPassword(this.password);
		return dataSource;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.username, this.password);
	}

	/** The host, for psql. */
	String host() {
		return address().getHost();
	}

	/** The port, for psql (5432 when the URL names none). */
	int port() {
		int port = address().getPort();
		return (port < 0) ? 5432 : port;
	}

	private URI address() {
		return URI.create(this.url.substring("jdbc:".length()));
	}

}
