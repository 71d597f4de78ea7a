package dev.migrator.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrator.engine.Journal;
import dev.migrator.engine.Migration;
import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.MigrationSource;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh migrated databases for tests, copied from a template database that is migrated once per JVM.
 *
 * <p>Steps of {@link #create}:
 * <ol>
 * <li>read the folder's journal (once per JVM per folder and history table) and hash the history table's name and
 * every migration's tag, {@code when} and file hash;</li>
 * <li>the first time in this JVM for that server and hash: create the template database
 * {@code migrator_tpl_<folder hash>_<journal hash>} where missing and migrate it (a template an earlier JVM left up
 * to date only takes a check), then drop the older templates of the same folder;</li>
 * <li>{@code CREATE DATABASE ... TEMPLATE} it under a new name: PostgreSQL copies the template's files, which takes
 * far less than running every migration again.</li>
 * </ol>
 * A changed migration changes the hash, so the next test gets a new template. Test databases that the tests do not
 * drop are dropped when the JVM exits.
 */
public final class TemplateDatabases {

	private static final Logger logger = LoggerFactory.getLogger(TemplateDatabases.class);

	private static final Map<String, String> journalHashes = new ConcurrentHashMap<>();

	private static final Map<String, Template> templates = new ConcurrentHashMap<>();

	private static final List<Template> migrations = new CopyOnWriteArrayList<>();

	private static final Map<MigratedDatabase, PostgresServer> undropped = new ConcurrentHashMap<>();

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
		String journalHash = journalHashes.computeIfAbsent(settings.location() + " " + settings.qualifiedTable(),
				(key) -> journalHash(settings, classLoader));
		String template = "migrator_tpl_" + sha256(settings.location()).substring(0, 8) + "_"
				+ journalHash.substring(0, 16);
		Template migrated = template(server, template, settings, classLoader, journalHash);
		String name = "migrator_test_" + journalHash.substring(0, 8) + "_" + ProcessHandle.current().pid() + "_"
				+ sequence.incrementAndGet();
		try {
			ServerAdmin.createFrom(server, name, migrated.name());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database " + name + " from the template "
					+ migrated.name() + " on " + server.address() + ": " + ex.getMessage()
					+ "; the user " + server.username() + " needs the CREATEDB privilege", ex);
		}
		MigratedDatabase database = new MigratedDatabase(name, server.urlOf(name), server.username(), server.password(),
				migrated.name());
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
		return List.copyOf(migrations);
	}

	private static Template template(PostgresServer server, String template, MigratorSettings settings,
			ClassLoader classLoader, String journalHash) {
		return templates.computeIfAbsent(server.address() + "/" + template, (key) -> {
			try {
				ServerAdmin.createIfMissing(server, template);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not create the template database " + template + " on "
						+ server.address() + ": " + ex.getMessage() + "; the user " + server.username()
						+ " needs the CREATEDB privilege", ex);
			}
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(server.urlOf(template));
			dataSource.setUser(server.username());
			dataSource.setPassword(server.password());
			MigrationReport report = new Migrator(dataSource, settings, classLoader).migrate();
			logger.info("Template database {} on {} migrated in {} ms ({} applied now, {} before)", template,
					server.address(), report.duration().toMillis(), report.applied().size(), report.alreadyApplied());
			try {
				ServerAdmin.dropOlderTemplates(server, template.substring(0, template.lastIndexOf('_') + 1), template);
			}
			catch (SQLException ex) {
				logger.debug("Could not look for older template databases on {}: {}", server.address(), ex.getMessage());
			}
			Template done = new Template(template, server.address(), settings.location(), journalHash, report);
			migrations.add(done);
			return done;
		});
	}

	private static String journalHash(MigratorSettings settings, ClassLoader classLoader) {
		Journal journal = Journal.read(MigrationSource.of(settings.location(), classLoader),
				settings.policy().onUnjournaled());
		StringBuilder content = new StringBuilder(settings.qualifiedTable()).append('\n').append(journal.layout());
		for (Migration migration : journal.migrations()) {
			content.append('\n').append(migration.tag()).append(' ').append(migration.entry().when()).append(' ')
				.append(migration.hash());
		}
		return sha256(content.toString());
	}

	/** At exit: the server may already be gone (an embedded one stops in its own hook), so failures are quiet. */
	private static void dropAll() {
		undropped.forEach((database, server) -> {
			try {
				ServerAdmin.drop(server, database.name());
			}
			catch (SQLException ex) {
				logger.debug("Could not drop the test database {} at exit: {}", database.name(), ex.getMessage());
			}
		});
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
