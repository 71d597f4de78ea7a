package dev.migrator.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that {@code io.zonky.test.postgres} publishes on Maven Central.
 *
 * <p>Steps of {@link #start(Path)}:
 * <ol>
 * <li>unpack the binaries once per archive into a shared directory ({@link PostgresBinaries});</li>
 * <li>run {@code initdb} when the data directory holds no cluster yet (trust auth, user {@code postgres},
 * UTF8, C locale), so a stable data directory survives restarts;</li>
 * <li>stop a server a killed process left running on that directory, then {@code pg_ctl start} on a free
 * loopback port with no Unix socket;</li>
 * <li>register a shutdown hook that stops it with {@code pg_ctl stop -m fast}.</li>
 * </ol>
 * PostgreSQL refuses to run as root, so when this JVM is root every PostgreSQL process runs as {@code nobody}
 * through {@code setpriv}, and the data directory is handed to that user.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgres.class);

	private static final String SUPERUSER = "postgres";

	private static final int NOBODY = 65534;

	private final Path binaries;

	private final Path dataDirectory;

	private final int port;

	private final boolean temporary;

	private final boolean durable;

	private final Thread shutdownHook = new Thread(this::stopQuietly, "embedded-postgres-stop");

	private volatile boolean stopped;

	private List<String> settings = List.of();

	private EmbeddedPostgres(Path binaries, Path dataDirectory, int port, boolean temporary, boolean durable) {
		this.binaries = binaries;
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.temporary = temporary;
		this.durable = durable;
	}

	/**
	 * Starts a server on the given data directory, creating the cluster when the directory holds none.
	 * @param dataDirectory where the cluster lives; created when missing
	 * @return the running server
	 */
	public static EmbeddedPostgres start(Path dataDirectory) {
		return start(dataDirectory, false, false);
	}

	/**
	 * Starts a server on the given data directory with extra server settings, for tests that need them.
	 * @param dataDirectory where the cluster lives; created when missing
	 * @param settings {@code name=value} server settings, passed as {@code -c name=value}
	 * @return the running server
	 */
	public static EmbeddedPostgres start(Path dataDirectory, List<String> settings) {
		try {
			Path data = dataDirectory.toAbsolutePath();
			Files.createDirectories(data);
			EmbeddedPostgres server = new EmbeddedPostgres(PostgresBinaries.unpacked(), data, freePort(), false, false);
			server.settings = List.copyOf(settings);
			server.startServer();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	/**
	 * Starts a server on a new temporary data directory, deleted when the server stops.
	 * @return the running server
	 */
	public static EmbeddedPostgres startTemporary() {
		return startTemporary(false);
	}

	/**
	 * Starts a server on a new temporary data directory, deleted when the server stops.
	 * @param durable whether commits wait for the WAL to reach the disk, as on a production server; the tests
	 * turn that off for speed, a benchmark of commits needs it on
	 * @return the running server
	 */
	public static EmbeddedPostgres startTemporary(boolean durable) {
		try {
			return start(Files.createTempDirectory("migrator-pg-").resolve("data"), true, durable);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory", ex);
		}
	}

	private static EmbeddedPostgres start(Path dataDirectory, boolean temporary, boolean durable) {
		try {
			Path binaries = PostgresBinaries.unpacked();
			Path data = dataDirectory.toAbsolutePath();
			Files.createDirectories(data);
			EmbeddedPostgres server = new EmbeddedPostgres(binaries, data, freePort(), temporary, durable);
			server.startServer();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	private void startServer() throws IOException {
		long started = System.nanoTime();
		boolean root = isRoot();
		if (root) {
			// initdb and postgres check that the data directory belongs to the user they run as
			run(List.of("chown", "-R", NOBODY + ":" + NOBODY, dataDirectory.toString()), false);
			run(List.of("chmod", "o+rx", dataDirectory.getParent().toString()), false);
		}
		if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
			run(command("initdb", "-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--no-locale", "--no-sync", "-D",
					dataDirectory.toString()), true);
		}
		if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
			run(command("pg_ctl", "-D", dataDirectory.toString(), "stop", "-m", "immediate", "-w"), false);
		}
		String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
				+ " -c max_connections=300" + (this.durable ? "" : " -F -c fsync=off")
				+ this.settings.stream().map((setting) -> " -c " + setting).reduce("", String::concat);
		run(command("pg_ctl", "-D", dataDirectory.toString(), "-o", options, "-l",
				dataDirectory.resolve("server.log").toString(), "-w", "-t", "60", "start"), true);
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		logger.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", port, dataDirectory,
				(System.nanoTime() - started) / 1_000_000);
	}

	/** Port the server listens on, on 127.0.0.1. */
	public int port() {
		return this.port;
	}

	/** Directory of the cluster. */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/** Name of the superuser, which needs no password. */
	public String superuser() {
		return SUPERUSER;
	}

	/**
	 * JDBC URL of a database on this server.
	 * @param database database name
	 * @return the URL
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	/**
	 * Creates a database when it does not exist yet.
	 * @param database database name, letters, digits and underscores only
	 */
	public void createDatabaseIfMissing(String database) {
		if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("Database name '" + database + "' must be a plain identifier");
		}
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
			var check = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
			check.setString(1, database);
			if (!check.executeQuery().next()) {
				connection.createStatement().execute("CREATE DATABASE \"" + database + "\"");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		stopQuietly();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// already shutting down: the hook runs or ran
		}
	}

	/**
	 * Stops the server the way a crash would ({@code pg_ctl stop -m immediate}): no checkpoint, WAL not yet written
	 * is lost; the next start on the same directory recovers. The data directory is kept.
	 */
	public void crash() {
		this.stopped = true;
		try {
			run(command("pg_ctl", "-D", this.dataDirectory.toString(), "stop", "-m", "immediate", "-w"), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop the embedded PostgreSQL in " + this.dataDirectory, ex);
		}
	}

	private void stopQuietly() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		try {
			run(command("pg_ctl", "-D", this.dataDirectory.toString(), "stop", "-m", "fast", "-w"), false);
			logger.info("Embedded PostgreSQL on port {} stopped", this.port);
			if (this.temporary) {
				PostgresBinaries.deleteTree(this.dataDirectory.getParent());
			}
		}
		catch (IOException ex) {
			logger.warn("Could not stop the embedded PostgreSQL in {}: {}", this.dataDirectory, ex.getMessage());
		}
	}

	private List<String> command(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (isRoot()) {
			command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
		}
		command.add(this.binaries.resolve("bin").resolve(program).toString());
		command.addAll(List.of(arguments));
		return command;
	}

	private static void run(List<String> command, boolean mustSucceed) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output;
		try (InputStream in = process.getInputStream()) {
			output = new String(in.readAllBytes());
		}
		try {
			int exit = process.waitFor();
			if (exit != 0 && mustSucceed) {
				throw new IOException(String.join(" ", command) + " exited with " + exit + ":\n" + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while running " + command.get(0), ex);
		}
	}

	private static boolean isRoot() {
		try {
			return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (IOException | UnsupportedOperationException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
