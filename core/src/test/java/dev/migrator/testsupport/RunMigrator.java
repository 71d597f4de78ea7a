package dev.migrator.testsupport;

import java.nio.file.Path;

import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrate run in a process of its own, for tests that kill it: {@code RunMigrator <jdbc url> <user> <password>
 * <location>}. Exits 0 when the run succeeds.
 */
public final class RunMigrator {

	private RunMigrator() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(args[0]);
		dataSource.setUser(args[1]);
		dataSource.setPassword(args[2]);
		new Migrator(dataSource, MigratorSettings.defaults(args[3]), (ClassLoader) null).migrate();
	}

	/** A command line that runs {@link #main} in a new JVM with this JVM's class path. */
	public static ProcessBuilder process(String url, String user, String password, String location) {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), RunMigrator.class.getName(), url, user,
				(password != null) ? password : "", location).redirectErrorStream(true);
	}

}
