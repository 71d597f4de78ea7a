package dev.migrator.engine;

/**
 * Base of every error the engine reports: the message says what is wrong and where (file, entry, statement,
 * line); {@link #action()} says what the user can do about it.
 */
public class MigratorException extends RuntimeException {

	private final String action;

	public MigratorException(String message, String action) {
		this(message, action, null);
	}

	public MigratorException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/** What the user should do to get past this error. */
	public String action() {
		return this.action;
	}

}
