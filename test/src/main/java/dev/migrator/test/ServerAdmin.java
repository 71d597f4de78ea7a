package dev.migrator.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** CREATE and DROP DATABASE on a test server, each on a short-lived connection. */
final class ServerAdmin {

	private static final Logger logger = LoggerFactory.getLogger(ServerAdmin.class);

	private static final String DUPLICATE_DATABASE = "42P04";

	private static final String OBJECT_IN_USE = "55006";

	/** How long to wait while another session (another test JVM migrating it) is connected to a template. */
	private static final Duration TEMPLATE_BUSY_WAIT = Duration.ofSeconds(60);

	private ServerAdmin() {
	}

	/** Creates an empty database; one that already exists (another JVM made it) is kept. */
	static void createIfMissing(PostgresServer server, String name) throws SQLException {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + quote(name));
		}
		catch (SQLException ex) {
			if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				throw ex;
			}
		}
	}

	/**
	 * Creates a database as a copy of a template. PostgreSQL refuses while any session is connected to the template,
	 * which happens while another test JVM migrates it: then it is tried again until {@link #TEMPLATE_BUSY_WAIT}.
	 */
	static void createFrom(PostgresServer server, String name, String template) throws SQLException {
		long deadline = System.nanoTime() + TEMPLATE_BUSY_WAIT.toNanos();
		while (true) {
			try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(template));
				return;
			}
			catch (SQLException ex) {
				if (!OBJECT_IN_USE.equals(ex.getSQLState()) || System.nanoTime() > deadline) {
					throw ex;
				}
			}
			sleep();
		}
	}

	/** Drops a database, ending its sessions (PostgreSQL 13+). */
	static void drop(PostgresServer server, String name) throws SQLException {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
		}
	}

	/** Drops every database whose name is LIKE a pattern, ending their sessions. */
	static void dropAll(PostgresServer server, String pattern) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = server.connect();
				PreparedStatement query = connection.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ?")) {
			query.setString(1, pattern);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
		}
		for (String name : names) {
			drop(server, name);
		}
	}

	/**
	 * Drops the templates of older migrations of the same folder, so a long-lived server keeps one per folder. One
	 * in use (another JVM clones it) is left for later.
	 */
	static void dropOlderTemplates(PostgresServer server, String prefix, String current) throws SQLException {
		List<String> older = new ArrayList<>();
		try (Connection connection = server.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database")) {
			while (rs.next()) {
				String name = rs.getString(1);
				if (name.startsWith(prefix) && !name.equals(current)) {
					older.add(name);
				}
			}
			for (String name : older) {
				try {
					statement.execute("DROP DATABASE IF EXISTS " + quote(name));
					logger.debug("Dropped the older template database {} on {}", name, server.address());
				}
				catch (SQLException ex) {
					logger.debug("Kept the older template database {}: {}", name, ex.getMessage());
				}
			}
		}
	}

	private static String quote(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a template database", ex);
		}
	}

}
