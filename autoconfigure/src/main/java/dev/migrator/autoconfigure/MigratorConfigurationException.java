package dev.migrator.autoconfigure;

/**
 * Migrator cannot start as the application is configured: the message says what is wrong and names the property or
 * bean, {@link #action()} what to change. Thrown before any connection is opened, so nothing was written.
 */
public class MigratorConfigurationException extends RuntimeException {

	private final String action;

	public MigratorConfigurationException(String message, String action) {
		super(message);
		this.action = action;
	}

	/** What the user should change. */
	public String action() {
		return this.action;
	}

}
