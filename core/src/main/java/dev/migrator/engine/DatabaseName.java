package dev.migrator.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Names the database a connection is open on, as {@code host:port/database}, for log lines: enough to tell two
 * databases apart, never the user, password or any other URL parameter.
 */
final class DatabaseName {

	private static final String UNKNOWN = "an unnamed database";

	private static final String DEFAULT_PORT = "5432";

	private DatabaseName() {
	}

	/** The name of the database a connection is open on; never fails. */
	static String of(Connection connection) {
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			return (metaData != null) ? fromUrl(metaData.getURL()) : UNKNOWN;
		}
		catch (SQLException | RuntimeException ex) {
			return UNKNOWN;
		}
	}

	/**
	 * {@code host:port/database} of a PostgreSQL JDBC URL, the port defaulted to 5432; several hosts are listed as
	 * the URL lists them.
	 * @param url such as {@code jdbc:postgresql://db:5432/app?sslmode=require}
	 * @return such as {@code db:5432/app}
	 */
	static String fromUrl(String url) {
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			return UNKNOWN;
		}
		String rest = url.substring("jdbc:postgresql:".length());
		int query = rest.indexOf('?');
		if (query >= 0) {
			rest = rest.substring(0, query);
		}
		if (!rest.startsWith("//")) {
			return "localhost:" + DEFAULT_PORT + "/" + rest;
		}
		rest = rest.substring(2);
		int slash = rest.indexOf('/');
		String hosts = (slash >= 0) ? rest.substring(0, slash) : rest;
		String database = (slash >= 0) ? rest.substring(slash + 1) : "";
		hosts = hosts.substring(hosts.lastIndexOf('@') + 1);
		StringBuilder name = new StringBuilder();
		for (String host : (hosts.isEmpty() ? "localhost" : hosts).split(",")) {
			name.append((name.length() > 0) ? "," : "").append(host);
			if (!hasPort(host)) {
				name.append(':').append(DEFAULT_PORT);
			}
		}
		return name.append('/').append(database).toString();
	}

	private static boolean hasPort(String host) {
		int colon = host.lastIndexOf(':');
		return colon >= 0 && colon > host.lastIndexOf(']');
	}

}
