package dev.migrator.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.migrator.engine.HistoryStore;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.engine.Policy;
import dev.migrator.engine.lint.LintSettings;
import dev.migrator.engine.lint.Rule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Configuration of the migrations run at startup, under {@code migrator.*}. Defaults come from
 * {@link MigratorSettings}.
 */
@ConfigurationProperties("migrator")
public class MigratorProperties {

	private static final String CLASSPATH = "classpath:";

	private static final String FILE = "file:";

	/** A URL scheme or a resource prefix such as {@code classpath*:}; a Windows drive letter counts too. */
	private static final Pattern PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9+.*-]*:");

	private static final String PLAIN_IDENTIFIER = "it must be a plain SQL identifier: 1 to 63 letters, digits, '_' or"
			+ " '$', not starting with a digit";

	/**
	 * Whether to auto-configure the migrator at all.
	 */
	private boolean enabled = true;

	/**
	 * Folder that holds meta/_journal.json and the migration files, as 'classpath:' or 'file:'. Without a prefix,
	 * 'classpath:'.
	 */
	private String location = MigratorSettings.DEFAULT_LOCATION;

	/**
	 * Schema of the history table.
	 */
	private String schema = MigratorSettings.DEFAULT_SCHEMA;

	/**
	 * Name of the history table.
	 */
	private String table = MigratorSettings.DEFAULT_TABLE;

	/**
	 * What to do at startup: apply pending migrations, only validate, or nothing.
	 */
	private Mode mode = Mode.MIGRATE;

	/**
	 * What to do with a pending migration older than the newest applied one.
	 */
	private Policy.OutOfOrder outOfOrder = Policy.OutOfOrder.FAIL;

	/**
	 * What to do when an applied migration's file changed since it was applied.
	 */
	private Policy.OnProblem onModified = Policy.OnProblem.FAIL;

	/**
	 * What to do with a .sql file in the location that meta/_journal.json does not list: 'auto' warns about a
	 * leftover whose number belongs to a journaled migration and refuses any other file.
	 */
	private Policy.OnUnjournaled onUnjournaled = Policy.OnUnjournaled.AUTO;

	/**
	 * How long to wait for another instance's migration run to finish.
	 */
	private Duration lockWaitTimeout = MigratorSettings.DEFAULT_LOCK_WAIT_TIMEOUT;

	/**
	 * PostgreSQL lock_timeout for the statements of transactional migrations; 0 for none.
	 */
	private Duration statementLockTimeout = MigratorSettings.DEFAULT_STATEMENT_LOCK_TIMEOUT;

	/**
	 * How many times to retry a migration that hit the statement lock timeout.
	 */
	private int lockRetries = MigratorSettings.DEFAULT_LOCK_RETRIES;

	/**
	 * PostgreSQL statement_timeout for every migration statement; 0 for none.
	 */
	private Duration statementTimeout = MigratorSettings.DEFAULT_STATEMENT_TIMEOUT;

	/**
	 * Migration duration above which it is logged as a warning; 0 for never.
	 */
	private Duration slowMigrationWarning = MigratorSettings.DEFAULT_SLOW_MIGRATION_WARNING;

	/**
	 * PostgreSQL 14+ client_connection_check_interval of the migration session, so that the backend of a killed
	 * instance stops within it and frees the migration lock; 0 leaves the server's setting.
	 */
	private Duration clientCheckInterval = MigratorSettings.DEFAULT_CLIENT_CHECK_INTERVAL;

	/**
	 * Whether an INVALID index that a CREATE INDEX CONCURRENTLY migration is about to build (left by an earlier failed
	 * attempt) is dropped first; if false, startup stops naming it.
	 */
	private boolean dropInvalidIndexes = MigratorSettings.DEFAULT_DROP_INVALID_INDEXES;

	/**
	 * Whether the migrations of a run but its last commit without waiting for the WAL flush; the last commit's flush
	 * makes them all durable. A server crash before it loses whole migrations with their history rows, which the
	 * next run applies again. Plain migrations in a row then also go to the server together, up to 50 in one round
	 * trip, each still in its own transaction.
	 */
	private boolean groupCommit = MigratorSettings.DEFAULT_GROUP_COMMIT;

	/**
	 * How pending migrations are linted before they run.
	 */
	private final Lint lint = new Lint();

	/**
	 * JDBC URL of a dedicated connection for migrations. Defaults to the application's DataSource.
	 */
	private String url;

	/**
	 * Login user for migrations. On its own, connects to the application's database as this user.
	 */
	private String username;

	/**
	 * Login password for migrations.
	 */
	private String password;

	/**
	 * The engine settings these properties describe. Every value is checked here, before any connection is opened.
	 * @throws InvalidConfigurationPropertyValueException naming the property whose value cannot be used
	 */
	public MigratorSettings toSettings() {
		String folder = prefixedLocation();
		check("schema", this.schema, HistoryStore.isIdentifier(this.schema), PLAIN_IDENTIFIER);
		check("table", this.table, HistoryStore.isIdentifier(this.table), PLAIN_IDENTIFIER);
		check("mode", this.mode, this.mode != null, oneOf(Mode.values()));
		check("out-of-order", this.outOfOrder, this.outOfOrder != null, oneOf(Policy.OutOfOrder.values()));
		check("on-modified", this.onModified, this.onModified != null, oneOf(Policy.OnProblem.values()));
		check("on-unjournaled", this.onUnjournaled, this.onUnjournaled != null, oneOf(Policy.OnUnjournaled.values()));
		checkDuration("lock-wait-timeout", this.lockWaitTimeout);
		checkDuration("statement-lock-timeout", this.statementLockTimeout);
		check("lock-retries", this.lockRetries, this.lockRetries >= 0, "it must be 0 or more");
		checkDuration("statement-timeout", this.statementTimeout);
		checkDuration("slow-migration-warning", this.slowMigrationWarning);
		checkDuration("client-check-interval", this.clientCheckInterval);
		return new MigratorSettings(folder, this.schema, this.table,
				new Policy(this.outOfOrder, this.onModified, this.onUnjournaled), this.lockWaitTimeout,
				this.statementLockTimeout, this.lockRetries, this.statementTimeout, this.slowMigrationWarning,
				this.clientCheckInterval, this.dropInvalidIndexes, this.groupCommit, this.lint.toSettings());
	}

	/** The location with its prefix: an unprefixed one is on the classpath, as in Spring Boot's Flyway support. */
	private String prefixedLocation() {
		String value = (this.location != null) ? this.location.trim() : "";
		String folder = PREFIX.matcher(value).find() ? value : CLASSPATH + value;
		check("location", this.location, folder.startsWith(CLASSPATH) || folder.startsWith(FILE),
				"only classpath: and file: locations are supported (an unprefixed location means classpath:),"
						+ " such as classpath:db/migrations or file:/srv/app/migrations");
		String path = folder.substring(folder.indexOf(':') + 1);
		check("location", this.location, !path.isBlank() && !path.replace("/", "").isEmpty(),
				"it must name a folder, such as classpath:db/migrations");
		return folder;
	}

	private static void checkDuration(String property, Duration value) {
		check(property, value, value != null, "it must be a duration, such as 10s or 5m");
		check(property, value, !value.isNegative(), "it must not be negative");
	}

	private static String oneOf(Enum<?>[] values) {
		return "it must be one of " + String.join(", ",
				Arrays.stream(values).map((value) -> value.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public Policy.OutOfOrder getOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(Policy.OutOfOrder outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public Policy.OnProblem getOnModified() {
		return this.onModified;
	}

	public void setOnModified(Policy.OnProblem onModified) {
		this.onModified = onModified;
	}

	public Policy.OnUnjournaled getOnUnjournaled() {
		return this.onUnjournaled;
	}

	public void setOnUnjournaled(Policy.OnUnjournaled onUnjournaled) {
		this.onUnjournaled = onUnjournaled;
	}

	public Duration getLockWaitTimeout() {
		return this.lockWaitTimeout;
	}

	public void setLockWaitTimeout(Duration lockWaitTimeout) {
		this.lockWaitTimeout = lockWaitTimeout;
	}

	public Duration getStatementLockTimeout() {
		return this.statementLockTimeout;
	}

	public void setStatementLockTimeout(Duration statementLockTimeout) {
		this.statementLockTimeout = statementLockTimeout;
	}

	public int getLockRetries() {
		return this.lockRetries;
	}

	public void setLockRetries(int lockRetries) {
		this.lockRetries = lockRetries;
	}

	public Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public Duration getSlowMigrationWarning() {
		return this.slowMigrationWarning;
	}

	public void setSlowMigrationWarning(Duration slowMigrationWarning) {
		this.slowMigrationWarning = slowMigrationWarning;
	}

	public Duration getClientCheckInterval() {
		return this.clientCheckInterval;
	}

	public void setClientCheckInterval(Duration clientCheckInterval) {
		this.clientCheckInterval = clientCheckInterval;
	}

	public boolean isDropInvalidIndexes() {
		return this.dropInvalidIndexes;
	}

	public void setDropInvalidIndexes(boolean dropInvalidIndexes) {
		this.dropInvalidIndexes = dropInvalidIndexes;
	}

	public Lint getLint() {
		return this.lint;
	}

	public boolean isGroupCommit() {
		return this.groupCommit;
	}

	public void setGroupCommit(boolean groupCommit) {
		this.groupCommit = groupCommit;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	private static void check(String property, Object value, boolean valid, String reason) {
		if (!valid) {
			throw new InvalidConfigurationPropertyValueException("migrator." + property, value, reason);
		}
	}

	/** The lint of pending migrations: {@code migrator.lint.*}. */
	public static class Lint {

		/**
		 * Whether findings are only logged ('warn'), stop the run when one is an error before anything is applied
		 * ('fail'), or the lint is skipped ('off').
		 */
		private LintSettings.Mode mode = LintSettings.Mode.WARN;

		/**
		 * Severity per rule id, such as 'index-not-concurrent: error': 'off', 'warn' or 'error'.
		 */
		private Map<String, LintSettings.RuleLevel> rules = new LinkedHashMap<>();

		/**
		 * Live rows above which a lock-heavy change of a table is an error rather than a warning.
		 */
		private long largeTableRows = LintSettings.DEFAULT_LARGE_TABLE_ROWS;

		LintSettings toSettings() {
			check("lint.mode", this.mode, this.mode != null, oneOf(LintSettings.Mode.values()));
			check("lint.large-table-rows", this.largeTableRows, this.largeTableRows >= 0, "it must be 0 or more");
			Map<String, LintSettings.RuleLevel> byId = new LinkedHashMap<>();
			for (Map.Entry<String, LintSettings.RuleLevel> rule : this.rules.entrySet()) {
				Optional<Rule> named = relaxed(rule.getKey());
				check("lint.rules." + rule.getKey(), rule.getValue(), named.isPresent(),
						"there is no lint rule " + rule.getKey() + "; the rules are " + String.join(", ",
								Arrays.stream(Rule.values()).map(Rule::id).toList()));
				check("lint.rules." + rule.getKey(), rule.getValue(), rule.getValue() != null,
						oneOf(LintSettings.RuleLevel.values()));
				byId.put(named.get().id(), rule.getValue());
			}
			return new LintSettings(this.mode, byId, this.largeTableRows);
		}

		/**
		 * The rule a key names, by its id or a relaxed form of it, as an environment variable binds it:
		 * {@code MIGRATOR_LINT_RULES_DROPCOLUMN} gives {@code dropcolumn}, {@code MIGRATOR_LINT_RULES_DROP_COLUMN}
		 * gives {@code drop.column}; both name {@code drop-column}.
		 */
		private static Optional<Rule> relaxed(String key) {
			String bare = key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
			return Rule.byId(key)
				.or(() -> Arrays.stream(Rule.values()).filter((rule) -> rule.id().replace("-", "").equals(bare)).findFirst());
		}

		public LintSettings.Mode getMode() {
			return this.mode;
		}

		public void setMode(LintSettings.Mode mode) {
			this.mode = mode;
		}

		public Map<String, LintSettings.RuleLevel> getRules() {
			return this.rules;
		}

		public void setRules(Map<String, LintSettings.RuleLevel> rules) {
			this.rules = rules;
		}

		public long getLargeTableRows() {
			return this.largeTableRows;
		}

		public void setLargeTableRows(long largeTableRows) {
			this.largeTableRows = largeTableRows;
		}

	}

	/** What the migrator does at startup. */
	public enum Mode {

		/** Apply pending migrations. */
		MIGRATE,

		/** Fail startup if anything is pending, modified or out of order; apply nothing. */
		VALIDATE,

		/** Do nothing at startup. */
		OFF

	}

}
