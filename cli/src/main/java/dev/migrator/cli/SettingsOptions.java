package dev.migrator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrator.engine.HistoryStore;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.engine.Policy;
import dev.migrator.engine.lint.LintSettings;
import picocli.CommandLine.Option;

/**
 * The {@code migrator.*} properties as options, with the same names and the engine's defaults
 * ({@link MigratorSettings}, {@link Policy#DEFAULT}).
 */
final class SettingsOptions {

	/** The default of {@code --dir}, for every command that has it. */
	static final String DIR_DEFAULT = "${env:MIGRATIONS_DIR:-./drizzle}";

	static final String DIR_DESCRIPTION = "Folder drizzle-kit writes (its \"out\"): meta/_journal.json (drizzle-kit 0.x)"
			+ " or <timestamp>_<name>/migration.sql folders (1.0). Default: $MIGRATIONS_DIR, else ./drizzle.";

	@Option(names = "--dir", paramLabel = "<folder>", order = 10, defaultValue = DIR_DEFAULT,
			description = DIR_DESCRIPTION)
	Path dir;

	@Option(names = "--schema", paramLabel = "<name>", order = 11, defaultValue = MigratorSettings.DEFAULT_SCHEMA,
			description = "Schema of the history table. Default: ${DEFAULT-VALUE}.")
	String schema;

	@Option(names = "--table", paramLabel = "<name>", order = 12, defaultValue = MigratorSettings.DEFAULT_TABLE,
			description = "Name of the history table. Default: ${DEFAULT-VALUE}.")
	String table;

	@Option(names = "--out-of-order", paramLabel = "fail|apply", order = 13,
			description = "A pending entry older than the newest applied one: fail, or apply it. Default: ${DEFAULT-VALUE}.")
	Policy.OutOfOrder outOfOrder = Policy.DEFAULT.outOfOrder();

	@Option(names = "--on-modified", paramLabel = "fail|warn", order = 14,
			description = "An applied entry whose file changed since. Default: ${DEFAULT-VALUE}.")
	Policy.OnProblem onModified = Policy.DEFAULT.onModified();

	@Option(names = "--on-unjournaled", paramLabel = "auto|fail|warn", order = 15,
			description = "A .sql file no migration names: auto warns about a leftover sharing a journaled NNNN number"
					+ " and fails for any other. Default: ${DEFAULT-VALUE}.")
	Policy.OnUnjournaled onUnjournaled = Policy.DEFAULT.onUnjournaled();

	@Option(names = "--lock-wait-timeout", paramLabel = "<duration>", order = 16, converter = DurationConverter.class,
			description = "How long to wait for another process's run. Default: ${DEFAULT-VALUE}.")
	Duration lockWaitTimeout = MigratorSettings.DEFAULT_LOCK_WAIT_TIMEOUT;

	@Option(names = "--statement-lock-timeout", paramLabel = "<duration>", order = 17,
			converter = DurationConverter.class,
			description = "PostgreSQL lock_timeout of transactional migrations, 0 for none. Default: ${DEFAULT-VALUE}.")
	Duration statementLockTimeout = MigratorSettings.DEFAULT_STATEMENT_LOCK_TIMEOUT;

	@Option(names = "--lock-retries", paramLabel = "<count>", order = 18,
			description = "Retries of a migration that hit lock_timeout. Default: ${DEFAULT-VALUE}.")
	int lockRetries = MigratorSettings.DEFAULT_LOCK_RETRIES;

	@Option(names = "--statement-timeout", paramLabel = "<duration>", order = 19, converter = DurationConverter.class,
			description = "PostgreSQL statement_timeout of every migration statement, 0 for none. Default: ${DEFAULT-VALUE}.")
	Duration statementTimeout = MigratorSettings.DEFAULT_STATEMENT_TIMEOUT;

	@Option(names = "--slow-migration-warning", paramLabel = "<duration>", order = 20,
			converter = DurationConverter.class,
			description = "Warn about a migration that takes longer, 0 for never. Default: ${DEFAULT-VALUE}.")
	Duration slowMigrationWarning = MigratorSettings.DEFAULT_SLOW_MIGRATION_WARNING;

	@Option(names = "--client-check-interval", paramLabel = "<duration>", order = 21,
			converter = DurationConverter.class,
			description = "client_connection_check_interval of the session (PostgreSQL 14+), so a killed run frees the"
					+ " lock within it; 0 leaves the server's. Default: ${DEFAULT-VALUE}.")
	Duration clientCheckInterval = MigratorSettings.DEFAULT_CLIENT_CHECK_INTERVAL;

	@Option(names = "--drop-invalid-indexes", paramLabel = "true|false", order = 22, arity = "1",
			description = "Drop an INVALID index a CONCURRENTLY migration is about to build again (left by a failed"
					+ " attempt); false stops instead. Default: ${DEFAULT-VALUE}.")
	boolean dropInvalidIndexes = MigratorSettings.DEFAULT_DROP_INVALID_INDEXES;

	@Option(names = "--group-commit", paramLabel = "true|false", order = 23, arity = "1",
			description = "Commit all migrations of a run but the last without waiting for the WAL flush (the last"
					+ " flush makes them durable), and send up to 50 plain migrations in one round trip, each in its own"
					+ " transaction; false waits at every commit. Default: ${DEFAULT-VALUE}.")
	boolean groupCommit = MigratorSettings.DEFAULT_GROUP_COMMIT;

	@Option(names = "--lint", paramLabel = "warn|fail|off", order = 24,
			description = "Lint of pending migrations: warn prints findings, fail stops the run on an error finding"
					+ " before anything is applied, off skips it. Default: ${DEFAULT-VALUE}.")
	LintSettings.Mode lint = LintSettings.DEFAULT_MODE;

	@Option(names = "--lint-rule", paramLabel = "<rule-id>=off|warn|error", order = 25,
			description = "Severity of one lint rule (repeatable), as migrator.lint.rules.<rule-id>.")
	Map<String, LintSettings.RuleLevel> lintRules = new LinkedHashMap<>();

	@Option(names = "--lint-large-table-rows", paramLabel = "<rows>", order = 26,
			description = "Live rows above which a lock-heavy change of a table is an error. Default: ${DEFAULT-VALUE}.")
	long lintLargeTableRows = LintSettings.DEFAULT_LARGE_TABLE_ROWS;

	/**
	 * The engine settings.
	 * @throws UsageException naming the option whose value cannot be used, or a folder that is no migrations folder
	 */
	MigratorSettings toSettings() {
		if (!Files.isDirectory(this.dir)) {
			throw new UsageException("The migrations folder " + this.dir + " does not exist: point --dir (or the"
					+ " MIGRATIONS_DIR environment variable) at the folder drizzle-kit writes");
		}
		if (!Files.isRegularFile(this.dir.resolve("meta/_journal.json")) && !hasMigrationFolders(this.dir)) {
			throw new UsageException("The folder " + this.dir + " has no meta/_journal.json and no"
					+ " <timestamp>_<name>/migration.sql folders: point --dir (or the MIGRATIONS_DIR environment"
					+ " variable) at the folder drizzle-kit writes (its \"out\" folder)");
		}
		identifier("--schema", this.schema);
		identifier("--table", this.table);
		if (this.lockRetries < 0) {
			throw new UsageException("--lock-retries " + this.lockRetries + " is negative: give 0 or more");
		}
		LintSettings lintSettings;
		try {
			lintSettings = new LintSettings(this.lint, this.lintRules, this.lintLargeTableRows);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage().replace("migrator.lint.rules.", "--lint-rule ")
				.replace("migrator.lint.large-table-rows", "--lint-large-table-rows"));
		}
		return new MigratorSettings("file:" + this.dir, this.schema, this.table,
				new Policy(this.outOfOrder, this.onModified, this.onUnjournaled), this.lockWaitTimeout,
				this.statementLockTimeout, this.lockRetries, this.statementTimeout, this.slowMigrationWarning,
				this.clientCheckInterval, this.dropInvalidIndexes, this.groupCommit, lintSettings);
	}

	/** Whether the folder holds Drizzle 1.0's {@code <timestamp>_<name>/migration.sql} folders. */
	private static boolean hasMigrationFolders(Path dir) {
		try (Stream<Path> children = Files.list(dir)) {
			return children.anyMatch((child) -> Files.isRegularFile(child.resolve("migration.sql")));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void identifier(String option, String value) {
		if (!HistoryStore.isIdentifier(value)) {
			throw new UsageException(option + " '" + value + "' is not a plain SQL identifier: use 1 to 63 letters,"
					+ " digits, '_' or '$', not starting with a digit");
		}
	}

}
