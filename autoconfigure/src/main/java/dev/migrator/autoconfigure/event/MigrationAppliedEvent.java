package dev.migrator.autoconfigure.event;

import java.time.Duration;

import dev.migrator.engine.AppliedMigration;
import dev.migrator.engine.Migrator;

/** One migration was applied and its history row committed. */
public class MigrationAppliedEvent extends MigrationRunEvent {

	private final AppliedMigration migration;

	public MigrationAppliedEvent(Migrator migrator, String migratorName, AppliedMigration migration) {
		super(migrator, migratorName);
		this.migration = migration;
	}

	/** The migration: tag, {@code when}, recorded hash and duration. */
	public AppliedMigration getMigration() {
		return this.migration;
	}

	/** The migration's tag, such as {@code 0001_add_posts}. */
	public String getTag() {
		return this.migration.tag();
	}

	/** How long its statements and history row took. */
	public Duration getDuration() {
		return this.migration.duration();
	}

}
