package dev.migrator.engine;

import java.time.Duration;

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
 */
public record MigratorSettings(String location, String schema, String table, Policy policy, Duration lockWaitTimeout,
		Duration statementLockTimeout, int lockRetries) {

	public static final String DEFAULT_LOCATION = "classpath:db/migrations";

	public static final String DEFAULT_SCHEMA = "drizzle";

	public static final String DEFAULT_TABLE = "__drizzle_migrations";

	public static final Duration DEFAULT_LOCK_WAIT_TIMEOUT = Duration.ofMinutes(10);

	public static final Duration DEFAULT_STATEMENT_LOCK_TIMEOUT = Duration.ofSeconds(10);

	public static final int DEFAULT_LOCK_RETRIES = 3;

	public MigratorSettings {
		if (lockWaitTimeout.isNegative() || statementLockTimeout.isNegative()) {
			throw new IllegalArgumentException("Timeouts must not be negative");
		}
		if (lockRetries < 0) {
			throw new IllegalArgumentException("lockRetries must not be negative, was " + lockRetries);
		}
		HistoryStore.checkIdentifier("schema", schema);
		HistoryStore.checkIdentifier("table", table);
	}

	/** The defaults, with the given location. */
	public static MigratorSettings defaults(String location) {
		return new MigratorSettings(location, DEFAULT_SCHEMA, DEFAULT_TABLE, Policy.DEFAULT, DEFAULT_LOCK_WAIT_TIMEOUT,
				DEFAULT_STATEMENT_LOCK_TIMEOUT, DEFAULT_LOCK_RETRIES);
	}

	public MigratorSettings withPolicy(Policy policy) {
		return new MigratorSettings(this.location, this.schema, this.table, policy, this.lockWaitTimeout,
				this.statementLockTimeout, this.lockRetries);
	}

	public MigratorSettings withHistoryTable(String schema, String table) {
		return new MigratorSettings(this.location, schema, table, this.policy, this.lockWaitTimeout,
				this.statementLockTimeout, this.lockRetries);
	}

	public MigratorSettings withTimeouts(Duration lockWaitTimeout, Duration statementLockTimeout, int lockRetries) {
		return new MigratorSettings(this.location, this.schema, this.table, this.policy, lockWaitTimeout,
				statementLockTimeout, lockRetries);
	}

	/** {@code schema.table}, as shown to users. */
	public String qualifiedTable() {
		return this.schema + "." + this.table;
	}

}
