package dev.migrator.autoconfigure;

import java.time.Duration;

import dev.migrator.engine.HistoryStore;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.engine.Policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Configuration of the migrations run at startup, under {@code migrator.*}. Defaults come from
 * {@link MigratorSettings}.
 */
@ConfigurationProperties("migrator")
public class MigratorProperties {

	private static final String PLAIN_IDENTIFIER = "it must be a plain SQL identifier: 1 to 63 letters, digits, '_' or"
			+ " '$', not starting with a digit";

	/**
	 * Whether to auto-configure the migrator at all.
	 */
	private boolean enabled = true;

	/**
	 * Folder that holds meta/_journal.json and the migration files, as 'classpath:' or 'file:'.
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
	 * The engine settings these properties describe.
	 * @throws InvalidConfigurationPropertyValueException naming the property whose value cannot be used
	 */
	public MigratorSettings toSettings() {
		check("location", this.location, this.location != null && !this.location.isBlank(),
				"it must name a folder, such as classpath:db/migrations");
		check("schema", this.schema, HistoryStore.isIdentifier(this.schema), PLAIN_IDENTIFIER);
		check("table", this.table, HistoryStore.isIdentifier(this.table), PLAIN_IDENTIFIER);
		check("lock-wait-timeout", this.lockWaitTimeout, !this.lockWaitTimeout.isNegative(), "it must not be negative");
		check("statement-lock-timeout", this.statementLockTimeout, !this.statementLockTimeout.isNegative(),
				"it must not be negative");
		check("lock-retries", this.lockRetries, this.lockRetries >= 0, "it must be 0 or more");
		return new MigratorSettings(this.location, this.schema, this.table,
				new Policy(this.outOfOrder, this.onModified, this.onUnjournaled), this.lockWaitTimeout,
				this.statementLockTimeout, this.lockRetries);
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
