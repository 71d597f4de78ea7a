package dev.migrator.engine;

import java.time.Duration;

import dev.migrator.engine.lint.LintSettings;

/**
 * Everything that configures one {@link Migrator}. The defaults are defined here once; the Spring properties reuse
 * them.
 *
 * @param location folder of {@code meta/_journal.json}, {@code classpath:} or {@code file:}
 * @param schema schema of the history table
 * @param table name of the history table
 * @param policy what to do with out-of-order, modified and unjournaled migrations
 * @param lockWaitTimeout how long to wait for another process's migration run
 * @param statementLockTimeout PostgreSQL {@code lock_timeout} for transactional migrations; zero for none
 * @param lockRetries how many times a migration that hit {@code lock_timeout} is tried again
 * @param statementTimeout PostgreSQL {@code statement_timeout} for every migration statement; zero for none
 * @param slowMigrationWarning a migration that takes longer is logged as a warning; zero for never
 * @param clientCheckInterval PostgreSQL 14+ {@code client_connection_check_interval} of the migration session, so that
 * the backend of a killed runner stops within that time and frees the lock; zero to leave the server's setting
 * @param dropInvalidIndexes whether an INVALID index that a non-transactional migration is about to create (left by
 * an earlier failed attempt) is dropped first; else the run stops naming it
 * @param groupCommit whether the migrations of a run but its last commit without waiting for the WAL flush (the last
 * commit's flush makes them all durable), plain ones in a row going to the server together, up to 50 in one round
 * trip, each in its own transaction; false waits at every commit and sends each migration alone
 * @param lint how pending migrations are linted before they run
 */
public record MigratorSettings(String location, String schema, String table, Policy policy, Duration lockWaitTimeout,
		Duration statementLockTimeout, int lockRetries, Duration statementTimeout, Duration slowMigrationWarning,
		Duration clientCheckInterval, boolean dropInvalidIndexes, boolean groupCommit, LintSettings lint) {

	public static final String DEFAULT_LOCATION = "classpath:db/migrations";

	public static final String DEFAULT_SCHEMA = "drizzle";

	public static final String DEFAULT_TABLE = "__drizzle_migrations";

	public static final Duration DEFAULT_LOCK_WAIT_TIMEOUT = Duration.ofMinutes(10);

	public static final Duration DEFAULT_STATEMENT_LOCK_TIMEOUT = Duration.ofSeconds(10);

	public static final int DEFAULT_LOCK_RETRIES = 3;

	public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ZERO;

	public static final Duration DEFAULT_SLOW_MIGRATION_WARNING = Duration.ofSeconds(10);

	public static final Duration DEFAULT_CLIENT_CHECK_INTERVAL = Duration.ofSeconds(2);

	public static final boolean DEFAULT_DROP_INVALID_INDEXES = true;

	public static final boolean DEFAULT_GROUP_COMMIT = true;

	public MigratorSettings {
		if (lockWaitTimeout.isNegative() || statementLockTimeout.isNegative() || statementTimeout.isNegative()
				|| slowMigrationWarning.isNegative() || clientCheckInterval.isNegative()) {
			throw new IllegalArgumentException("Timeouts must not be negative");
		}
		if (lockRetries < 0) {
			throw new IllegalArgumentException("lockRetries must not be negative, was " + lockRetries);
		}
		lint = (lint != null) ? lint : LintSettings.DEFAULTS;
		HistoryStore.checkIdentifier("schema", schema);
		HistoryStore.checkIdentifier("table", table);
	}

	/** Settings with the default safety guards. */
	public MigratorSettings(String location, String schema, String table, Policy policy, Duration lockWaitTimeout,
			Duration statementLockTimeout, int lockRetries) {
		this(location, schema, table, policy, lockWaitTimeout, statementLockTimeout, lockRetries,
				DEFAULT_STATEMENT_TIMEOUT, DEFAULT_SLOW_MIGRATION_WARNING, DEFAULT_CLIENT_CHECK_INTERVAL,
				DEFAULT_DROP_INVALID_INDEXES, DEFAULT_GROUP_COMMIT, LintSettings.DEFAULTS);
	}

	/** The defaults, with the given location. */
	public static MigratorSettings defaults(String location) {
		return new MigratorSettings(location, DEFAULT_SCHEMA, DEFAULT_TABLE, Policy.DEFAULT, DEFAULT_LOCK_WAIT_TIMEOUT,
				DEFAULT_STATEMENT_LOCK_TIMEOUT, DEFAULT_LOCK_RETRIES);
	}

	public MigratorSettings withPolicy(Policy policy) {
		return new MigratorSettings(this.location, this.schema, this.table, policy, this.lockWaitTimeout,
				this.statementLockTimeout, this.lockRetries, this.statementTimeout, this.slowMigrationWarning,
				this.clientCheckInterval, this.dropInvalidIndexes, this.groupCommit, this.lint);
	}

	public MigratorSettings withHistoryTable(String schema, String table) {
		return new MigratorSettings(this.location, schema, table, this.policy, this.lockWaitTimeout,
				this.statementLockTimeout, this.lockRetries, this.statementTimeout, this.slowMigrationWarning,
				this.clientCheckInterval, this.dropInvalidIndexes, this.groupCommit, this.lint);
	}

	public MigratorSettings withTimeouts(Duration lockWaitTimeout, Duration statementLockTimeout, int lockRetries) {
		return new MigratorSettings(this.location, this.schema, this.table, this.policy, lockWaitTimeout,
				statementLockTimeout, lockRetries, this.statementTimeout, this.slowMigrationWarning,
				this.clientCheckInterval, this.dropInvalidIndexes, this.groupCommit, this.lint);
	}

	/** These settings with other safety guards. */
	public MigratorSettings withGuards(Duration statementTimeout, Duration slowMigrationWarning,
			Duration clientCheckInterval, boolean dropInvalidIndexes) {
		return new MigratorSettings(this.location, this.schema, this.table, this.policy, this.lockWaitTimeout,
				this.statementLockTimeout, this.lockRetries, statementTimeout, slowMigrationWarning, clientCheckInterval,
				dropInvalidIndexes, this.groupCommit, this.lint);
	}

	/** These settings with group commit on or off. */
	public MigratorSettings withGroupCommit(boolean groupCommit) {
		return new MigratorSettings(this.location, this.schema, this.table, this.policy, this.lockWaitTimeout,
				this.statementLockTimeout, this.lockRetries, this.statementTimeout, this.slowMigrationWarning,
				this.clientCheckInterval, this.dropInvalidIndexes, groupCommit, this.lint);
	}

	/** These settings with other lint settings. */
	public MigratorSettings withLint(LintSettings lint) {
		return new MigratorSettings(this.location, this.schema, this.table, this.policy, this.lockWaitTimeout,
				this.statementLockTimeout, this.lockRetries, this.statementTimeout, this.slowMigrationWarning,
				this.clientCheckInterval, this.dropInvalidIndexes, this.groupCommit, lint);
	}

	/** {@code schema.table}, as shown to users. */
	public String qualifiedTable() {
		return this.schema + "." + this.table;
	}

}
