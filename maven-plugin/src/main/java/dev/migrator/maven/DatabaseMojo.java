package dev.migrator.maven;

import java.util.List;
import java.util.Map;

import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goals that reach the database (and {@code check}, which may): the connection and the {@code migrator.*} settings,
 * each passed on as the command-line option of the same name, so that an unset parameter takes the command's default
 * (the engine's, one definition). Without {@code <url>}, the command line's rules find the URL: the
 * {@code DATABASE_URL} environment variable, else {@code DATABASE_URL} in the dotenv file {@code ROOT_ENV} names,
 * else in {@code .env} of the directory Maven runs in; and {@code sslmode} is chosen as there.
 */
abstract class DatabaseMojo extends MigratorMojo {

	/** Database URL: {@code postgres://user:password@host:port/db} or {@code jdbc:postgresql://...}. */
	@Parameter(property = "migrator.url")
	String url;

	/** Login user; replaces the URL's. */
	@Parameter(property = "migrator.user")
	String user;

	/** Login password; replaces the URL's. Never printed. */
	@Parameter(property = "migrator.password")
	String password;

	/** PostgreSQL sslmode; default: disable for a local host, require for any other. */
	@Parameter(property = "migrator.ssl-mode")
	String sslMode;

	/** Schema of the history table (default {@code drizzle}). */
	@Parameter(property = "migrator.schema")
	String schema;

	/** Name of the history table (default {@code __drizzle_migrations}). */
	@Parameter(property = "migrator.table")
	String table;

	/** {@code fail} or {@code apply}: a pending migration older than the newest applied one. */
	@Parameter(property = "migrator.out-of-order")
	String outOfOrder;

	/** {@code fail} or {@code warn}: an applied migration whose file changed since. */
	@Parameter(property = "migrator.on-modified")
	String onModified;

	/** {@code auto}, {@code fail} or {@code warn}: a {@code .sql} file no migration names. */
	@Parameter(property = "migrator.on-unjournaled")
	String onUnjournaled;

	/** How long to wait for another process's run, such as {@code 10m}. */
	@Parameter(property = "migrator.lock-wait-timeout")
	String lockWaitTimeout;

	/** PostgreSQL lock_timeout of transactional migrations, such as {@code 10s}; {@code 0} for none. */
	@Parameter(property = "migrator.statement-lock-timeout")
	String statementLockTimeout;

	/** Retries of a migration that hit lock_timeout. */
	@Parameter(property = "migrator.lock-retries")
	String lockRetries;

	/** PostgreSQL statement_timeout of every migration statement; {@code 0} for none. */
	@Parameter(property = "migrator.statement-timeout")
	String statementTimeout;

	/** A migration that takes longer is logged as a warning; {@code 0} for never. */
	@Parameter(property = "migrator.slow-migration-warning")
	String slowMigrationWarning;

	/** client_connection_check_interval of the session (PostgreSQL 14+); {@code 0} leaves the server's. */
	@Parameter(property = "migrator.client-check-interval")
	String clientCheckInterval;

	/** Whether an INVALID index a CONCURRENTLY migration is about to build again is dropped first. */
	@Parameter(property = "migrator.drop-invalid-indexes")
	String dropInvalidIndexes;

	/** Whether transactions but the run's last skip the WAL flush (group commit; default true). */
	@Parameter(property = "migrator.group-commit")
	String groupCommit;

	/** {@code warn}, {@code fail} or {@code off}: what the lint's findings do (default warn). */
	@Parameter(property = "migrator.lint")
	String lint;

	/**
	 * Severity of lint rules by id, {@code off}, {@code warn} or {@code error}, such as
	 * {@code <lintRules><add-column-not-null>warn</add-column-not-null></lintRules>}.
	 */
	@Parameter
	Map<String, String> lintRules;

	/** Above this many live rows a table is large for the lint (default 100000). */
	@Parameter(property = "migrator.lint-large-table-rows")
	String lintLargeTableRows;

	@Override
	final void addOptions(List<String> args) {
		if (connects()) {
			// an empty URL (such as an unset variable in ${...}) reaches the command line, which refuses it rather
			// than falling back to DATABASE_URL
			if (this.url != null) {
				args.add("--url=" + this.url);
			}
			option(args, "--user", this.user);
			option(args, "--password", this.password);
			option(args, "--ssl-mode", this.sslMode);
		}
		option(args, "--schema", this.schema);
		option(args, "--table", this.table);
		option(args, "--out-of-order", this.outOfOrder);
		option(args, "--on-modified", this.onModified);
		option(args, "--on-unjournaled", this.onUnjournaled);
		option(args, "--lock-wait-timeout", this.lockWaitTimeout);
		option(args, "--statement-lock-timeout", this.statementLockTimeout);
		option(args, "--lock-retries", this.lockRetries);
		option(args, "--statement-timeout", this.statementTimeout);
		option(args, "--slow-migration-warning", this.slowMigrationWarning);
		option(args, "--client-check-interval", this.clientCheckInterval);
		option(args, "--drop-invalid-indexes", this.dropInvalidIndexes);
		option(args, "--group-commit", this.groupCommit);
		option(args, "--lint", this.lint);
		if (this.lintRules != null) {
			this.lintRules.forEach((rule, level) -> args.add("--lint-rule=" + rule + "=" + level));
		}
		option(args, "--lint-large-table-rows", this.lintLargeTableRows);
		addGoalOptions(args);
	}

	/** Whether this run connects: every goal here but {@code check}, which only does when asked to. */
	boolean connects() {
		return true;
	}

	/** Adds the options only this goal has. */
	void addGoalOptions(List<String> args) {
	}

}
