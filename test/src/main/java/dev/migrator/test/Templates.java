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
 * The template databases of this JVM: named by the folder and the hash of its journal, each migrated once per JVM.
 *
 * <p>Steps of {@link #migrated}:
 * <ol>
 * <li>read the folder's journal (once per JVM per folder and history table) and hash the history table's name and
 * every migration's tag, {@code when} and file hash;</li>
 * <li>the first time in this JVM for that server and hash: create {@code migrator_tpl_<folder hash>_<journal hash>}
 * where missing and migrate it (a template an earlier JVM left up to date only takes a check);</li>
 * <li>drop the older templates of the same folder, which a changed migration left behind.</li>
 * </ol>
 */
final class Templates {

	private static final Logger logger = LoggerFactory.getLogger(Templates.class);

	private final Map<String, String> journalHashes = new ConcurrentHashMap<>();

	private final Map<String, Template> templates = new ConcurrentHashMap<>();

	private final List<Template> migrations = new CopyOnWriteArrayList<>();

	/** The migrated template of a folder on a server. */
	Template migrated(PostgresServer server, MigratorSettings settings, ClassLoader classLoader) {
		String journalHash = this.journalHashes.computeIfAbsent(settings.location() + " " + settings.qualifiedTable(),
				(key) -> journalHash(settings, classLoader));
		String prefix = "migrator_tpl_" + sha256(settings.location()).substring(0, 8) + "_";
		String name = prefix + journalHash.substring(0, 16);
		return this.templates.computeIfAbsent(server.address() + "/" + name, (key) -> {
			MigrationReport report = migrate(server, name, settings, classLoader);
			try {
				ServerAdmin.dropOlderTemplates(server, prefix, name);
			}
			catch (SQLException ex) {
				logger.debug("Could not look for older template databases on {}: {}", server.address(), ex.getMessage());
			}
			Template template = new Template(name, server.address(), settings.location(), journalHash, report);
			this.migrations.add(template);
			return template;
		});
	}

	/** Each migration of a template, in order. */
	List<Template> migrations() {
		return List.copyOf(this.migrations);
	}

	private static MigrationReport migrate(PostgresServer server, String name, MigratorSettings settings,
			ClassLoader classLoader) {
		try {
			ServerAdmin.createIfMissing(server, name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the template database " + name + " on "
					+ server.address() + ": " + ex.getMessage() + "; the user " + server.username()
					+ " needs the CREATEDB privilege", ex);
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(server.urlOf(name));
		dataSource.setUser(server.username());
		dataSource.setPassword(server.password());
		MigrationReport report = new Migrator(dataSource, settings, classLoader).migrate();
		logger.info("Template database {} on {} migrated in {} ms ({} applied now, {} before)", name, server.address(),
				report.duration().toMillis(), report.applied().size(), report.alreadyApplied());
		return report;
	}

	private static String journalHash(MigratorSettings settings, ClassLoader classLoader) {
		Journal journal = Journal.read(MigrationSource.of(settings.location(), classLoader),
				settings.policy().onUnjournaled());
		StringBuilder content = new StringBuilder(settings.qualifiedTable()).append('\n').append(journal.layout());
		for (Migration migration : journal.migrations()) {
			content.append('\n')
				.append(migration.tag())
				.append(' ')
				.append(migration.entry().when())
				.append(' ')
				.append(migration.hash());
		}
		return sha256(content.toString());
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
