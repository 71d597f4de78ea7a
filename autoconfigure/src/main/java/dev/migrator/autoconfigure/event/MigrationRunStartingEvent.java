package dev.migrator.autoconfigure.event;

import dev.migrator.engine.Migrator;

/** A startup migration run starts: nothing was read or applied yet. */
public class MigrationRunStartingEvent extends MigrationRunEvent {

	public MigrationRunStartingEvent(Migrator migrator, String migratorName) {
		super(migrator, migratorName);
	}

}
