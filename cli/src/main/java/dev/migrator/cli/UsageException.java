package dev.migrator.cli;

/**
 * The command cannot start as configured: no or a malformed database URL, a missing migrations folder, a bad option
 * value. Exit code 2; the message says what to change and never holds a password.
 */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
