package dev.migrator.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrator.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of a benchmark run: by default an embedded one started for the run with {@code fsync} on,
 * as a production server runs (the tests' embedded server turns it off, which would hide the cost of every commit),
 * or the server {@value #URL_VARIABLE} names, with {@code MIGRATOR_BENCH_USERNAME} and
 * {@code MIGRATOR_BENCH_PASSWORD}. Each run gets a database of its own from {@code template0}, dropped after it.
 */
final class BenchServer implements AutoCloseable {

	static final String URL_VARIABLE = "MIGRATOR_BENCH_JDBC_URL";

	private final EmbeddedPostgres embedded;

	private final BenchDatabase maintenance;

	private final List<String> created = new ArrayList<>();

	private BenchServer(EmbeddedPostgres embedded, BenchDatabase maintenance) {
		this.embedded = embedded;
		this.maintenance = maintenance;
	}

	static BenchServer start() {
		String url = System.getenv(URL_VARIABLE);
		if (url == null || url.isBlank()) {
			EmbeddedPostgres postgres = EmbeddedPostgres.startTemporary(true);
			return new BenchServer(postgres,
					new BenchDatabase("postgres", postgres.jdbcUrl("postgres"), postgres.superuser(), ""));
		}
		int slash = url.indexOf('/', "jdbc:postgresql://".length());
		if (!url.startsWith("jdbc:postgresql://") || slash < 0) {
			throw new IllegalArgumentException(URL_VARIABLE + "=" + url + " is not a PostgreSQL JDBC URL: set it to"
					+ " jdbc:postgresql://host:port/database (a database the user may connect to; it needs CREATEDB)");
		}
		String password = System.getenv("MIGRATOR_BENCH_PASSWORD");
		String rest = url.substring(slash + 1);
		String name = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
		return new BenchServer(null, new BenchDatabase(name.isEmpty() ? "postgres" : name, url,
				System.getenv("MIGRATOR_BENCH_USERNAME"), (password != null) ? password : ""));
	}

	/** A new, empty database; the name must be a plain identifier. */
	BenchDatabase create(String name) {
		execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0");
		this.created.add(name);
		return database(name);
	}

	void drop(BenchDatabase database) {
		execute("DROP DATABASE IF EXISTS \"" + database.name() + "\" WITH (FORCE)");
		this.created.remove(database.name());
	}

	/** Writes dirty pages out now, so that no run pays for the checkpoint an earlier one caused. */
	void checkpoint() {
		try {
			execute("CHECKPOINT");
		}
		catch (IllegalStateException ex) {
			// a user without pg_checkpoint on an external server: the runs stay comparable, only noisier
		}
	}

	/** The server's version and the settings that decide what a commit costs. */
	String describe() {
		String sql = "SELECT current_setting('server_version'), current_setting('fsync'),"
				+ " current_setting('synchronous_commit'), current_setting('full_page_writes'),"
				+ " current_setting('wal_sync_method')";
		try (Connection connection = this.maintenance.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return "PostgreSQL " + rs.getString(1) + " (" + ((this.embedded != null) ? "embedded" : "external")
					+ "; fsync=" + rs.getString(2) + ", synchronous_commit=" + rs.getString(3) + ", full_page_writes="
					+ rs.getString(4) + ", wal_sync_method=" + rs.getString(5) + ")";
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the server's settings from " + this.maintenance.url()
					+ ": " + ex.getMessage(), ex);
		}
	}

	BenchDatabase database(String name) {
		String url = this.maintenance.url();
		int slash = url.indexOf('/', "jdbc:postgresql://".length());
		int query = url.indexOf('?');
		String rebuilt = url.substring(0, slash + 1) + name + ((query < 0) ? "" : url.substring(query));
		return new BenchDatabase(name, rebuilt, this.maintenance.username(), this.maintenance.password());
	}

	private void execute(String sql) {
		try (Connection connection = this.maintenance.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + " failed on " + this.maintenance.url() + ": " + ex.getMessage()
					+ " (the benchmark's user needs CREATEDB, and PostgreSQL 13 or later for DROP ... WITH (FORCE))",
					ex);
		}
	}

	@Override
	public void close() {
		for (String name : List.copyOf(this.created)) {
			drop(database(name));
		}
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
