package dev.migrator.engine;

/** The migrations folder cannot be used as it is: a broken journal, a missing, unlisted or unreadable file. */
public class JournalException extends MigratorException {

	public JournalException(String message, String action) {
		super(message, action);
	}

	public JournalException(String message, String action, Throwable cause) {
		super(message, action, cause);
	}

}
