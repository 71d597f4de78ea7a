package dev.migrator.engine;

/** A statement of a migration failed in the database; the message names the file, statement and its line. */
public class MigrationFailedException extends MigratorException {

	private final String tag;

	private final String sqlState;

	public MigrationFailedException(String tag, String sqlState, String message, String action, Throwable cause) {
		super(message, action, cause);
		this.tag = tag;
		this.sqlState = sqlState;
	}

	/** Tag of the migration that failed. */
	public String tag() {
		return this.tag;
	}

	/** SQLSTATE PostgreSQL reported, or {@code null}. */
	public String sqlState() {
		return this.sqlState;
	}

}
