package dev.migrator.autoconfigure.event;

import dev.migrator.engine.Migrator;

/**
 * A startup migration run failed. After the listeners heard it, the exception stops startup as it would without
 * them; what was applied before the failure stays applied.
 */
public class MigrationRunFailedEvent extends MigrationRunEvent {

	private final RuntimeException exception;

	public MigrationRunFailedEvent(Migrator migrator, String migratorName, RuntimeException exception) {
		super(migrator, migratorName);
		this.exception = exception;
	}

	/** Why it failed; a {@code MigratorException} says what to do in its {@code action()}. */
	public RuntimeException getException() {
		return this.exception;
	}

}
