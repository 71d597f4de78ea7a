package dev.migrator.autoconfigure.event;

import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.Migrator;

/** A startup migration run ended without an error, also when it had nothing to apply. */
public class MigrationRunFinishedEvent extends MigrationRunEvent {

	private final MigrationReport report;

	public MigrationRunFinishedEvent(Migrator migrator, String migratorName, MigrationReport report) {
		super(migrator, migratorName);
		this.report = report;
	}

	/** What the run applied, how many were applied before, its warnings and its duration. */
	public MigrationReport getReport() {
		return this.report;
	}

}
