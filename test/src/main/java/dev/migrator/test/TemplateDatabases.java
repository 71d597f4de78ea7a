package dev.migrator.test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrator.engine.MigratorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh migrated databases for tests, copied from a template database that is migrated once per JVM.
 *
 * <p>Steps of {@link #create}:
 * <ol>
 * <li>find the template of the folder's current migrations, migrating it the first time in this JVM
 * ({@link Templates});</li>
 * <li>hand over a copy made by {@code CREATE DATABASE ... TEMPLATE}: PostgreSQL copies the template's files, which
 * takes far less than running every migration again, and the next copy is made in the background while the test
 * runs ({@link Spares}).</li>
 * </ol>
 * A changed migration changes the journal hash, so the next test gets a new template. Test databases that the tests
 * do not drop, and the spares, are dropped when the JVM exits.
 */
public final class TemplateDatabases {

	private static final Logger logger = LoggerFactory.getLogger(TemplateDatabases.class);

	private static final long PID = ProcessHandle.current().pid();

	private static final Templates templates = new Templates();

	private static final Spares spares = new Spares();

	private static final Map<MigratedDatabase, PostgresServer> undropped = new ConcurrentHashMap<>();

	private static final Set<PostgresServer> servers = ConcurrentHashMap.newKeySet();

	private static final AtomicInteger sequence = new AtomicInteger();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TemplateDatabases::dropAll, "migrator-test-databases-drop"));
	}

	private TemplateDatabases() {
	}

	/**
	 * A new database on a server with every migration of a folder applied.
	 * @param server the server the tests use
	 * @param settings the folder and history table, as the application migrates them
	 * @param classLoader loader of a {@code classpath:} folder
	 * @return the new database
	 * @throws dev.migrator.engine.MigratorException when the folder cannot be read or a migration fails on the
	 * template, naming the file
	 * @throws IllegalStateException when the server refuses to create the database
	 */
	public static MigratedDatabase create(PostgresServer server, MigratorSettings settings, ClassLoader classLoader) {
		servers.add(server);
		Template template = templates.migrated(server, settings, classLoader);
		String name;
		try {
			name = spares.take(server, template.name(), () -> "migrator_test_" + template.journalHash().substring(0, 8)
					+ "_" + PID + "_" + sequence.incrementAndGet());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a test database from the template " + template.name()
					+ " on " + server.address() + ": " + ex.getMessage() + "; the user " + server.username()
					+ " needs the CREATEDB privilege", ex);
		}
		MigratedDatabase database = new MigratedDatabase(name, server.urlOf(name), server.username(), server.password(),
				template.name());
		undropped.put(database, server);
		return database;
	}

	/** Drops a database that {@link #create} made; its open sessions are ended. */
	public static void drop(MigratedDatabase database) {
		PostgresServer server = undropped.remove(database);
		if (server == null) {
			return;
		}
		try {
			ServerAdmin.drop(server, database.name());
		}
		catch (SQLException ex) {
			logger.warn("Could not drop the test database {} on {}: {}", database.name(), server.address(),
					ex.getMessage());
		}
	}

	/** Each migration of a template in this JVM, in order: one per server, folder and journal hash. */
	public static List<Template> migrations() {
		return templates.migrations();
	}

	/** Waits until the spare copy of a template is made, to measure the hand-over alone. */
	static void awaitSpare(PostgresServer server, String template) throws InterruptedException {
		spares.awaitSpare(server, template);
	}

	/**
	 * At exit, every database of this JVM that is left: those not dropped by their test, and the spares. The server
	 * may already be gone (an embedded one stops in its own hook), so failures are quiet.
	 */
	private static void dropAll() {
		for (PostgresServer server : servers) {
			try {
				ServerAdmin.dropAll(server, "migrator\\_test\\_%\\_" + PID + "\\_%");
			}
			catch (SQLException ex) {
				logger.debug("Could not drop the test databases on {} at exit: {}", server.address(), ex.getMessage());
			}
		}
	}

}
