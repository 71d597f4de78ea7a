package dev.migrator.engine;

/** Another process held the migration lock for longer than the lock wait timeout. */
public class LockTimeoutException extends MigratorException {

	public LockTimeoutException(String message, String action) {
		super(message, action);
	}

}
