package dev.migrator.cli;

import java.io.PrintWriter;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import dev.migrator.engine.MigrationSource;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorException;
import dev.migrator.engine.MigratorSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command does around its one engine call.
 *
 * <p>Steps of {@link #call()}:
 * <ol>
 * <li>turn the options into engine settings, and find and read the database URL (a problem is a usage error);</li>
 * <li>say on standard error where it connects and with which {@code sslmode};</li>
 * <li>open the run's one connection and hand the engine a {@link Migrator} on it;</li>
 * <li>run the command, and close the connection.</li>
 * </ol>
 */
abstract class DatabaseCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectionOptions connection;

	@Mixin
	SettingsOptions settings;

	@Override
	public Integer call() {
		MigratorSettings migratorSettings = this.settings.toSettings();
		ConnectionOptions.Resolved resolved = this.connection.resolve(System.getenv(), Path.of("").toAbsolutePath());
		PrintWriter err = this.spec.commandLine().getErr();
		err.println(resolved.describe());
		err.flush();
		try (SingleConnectionDataSource dataSource = connect(resolved)) {
			Migrator migrator = new Migrator(dataSource, migratorSettings,
					MigrationSource.of(migratorSettings.location(), getClass().getClassLoader()));
			int exitCode = run(migrator, this.spec.commandLine().getOut());
			this.spec.commandLine().getOut().flush();
			return exitCode;
		}
	}

	/** Opens the run's one connection; a refusal is a failure naming the target and where its URL came from. */
	static SingleConnectionDataSource connect(ConnectionOptions.Resolved resolved) {
		try {
			return SingleConnectionDataSource.open(resolved.target());
		}
		catch (SQLException ex) {
			throw new MigratorException("Could not connect to " + resolved.target().description() + ": "
					+ ex.getMessage() + networkCause(ex) + " [SQLSTATE " + ex.getSQLState() + "]",
					"Check the URL (from " + resolved.source() + "), the credentials, that the server accepts"
							+ " connections from here, and the sslmode (" + resolved.ssl().mode()
							+ "; --ssl-mode chooses another).");
		}
	}

	/**
	 * What the network said, where the driver's message does not: pgjdbc reports a host name that does not resolve,
	 * a connection that timed out or a host it has no route to as only "The connection attempt failed".
	 */
	static String networkCause(SQLException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException) {
				return " (the host name " + cause.getMessage() + " does not resolve: check the host in the URL)";
			}
			if (cause instanceof SocketTimeoutException || cause instanceof NoRouteToHostException) {
				return " (" + cause.getMessage() + ")";
			}
		}
		return "";
	}

	/**
	 * Runs the command.
	 * @param migrator the engine, on the run's connection
	 * @param out standard output
	 * @return the exit code
	 */
	abstract int run(Migrator migrator, PrintWriter out);

}
