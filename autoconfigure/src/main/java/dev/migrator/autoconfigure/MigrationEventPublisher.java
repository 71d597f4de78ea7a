package dev.migrator.autoconfigure;

import java.util.function.Consumer;

import dev.migrator.autoconfigure.event.MigrationAppliedEvent;
import dev.migrator.autoconfigure.event.MigrationRunFailedEvent;
import dev.migrator.autoconfigure.event.MigrationRunFinishedEvent;
import dev.migrator.autoconfigure.event.MigrationRunStartingEvent;
import dev.migrator.engine.AppliedMigration;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Turns what a startup run of one Migrator bean does into application events, and hands its report to the
 * {@link StartupMigrations} bookkeeping. Without a publisher (a {@link MigratorInitializer} used outside a context)
 * only the report is kept.
 */
final class MigrationEventPublisher implements MigrationListener {

	private final ApplicationEventPublisher events;

	private final String migratorName;

	private final Migrator migrator;

	private final Consumer<MigrationReport> reports;

	MigrationEventPublisher(ApplicationEventPublisher events, String migratorName, Migrator migrator,
			Consumer<MigrationReport> reports) {
		this.events = events;
		this.migratorName = migratorName;
		this.migrator = migrator;
		this.reports = reports;
	}

	@Override
	public void beforeRun(MigratorSettings settings) {
		publish(new MigrationRunStartingEvent(this.migrator, this.migratorName));
	}

	@Override
	public void afterMigration(AppliedMigration migration) {
		publish(new MigrationAppliedEvent(this.migrator, this.migratorName, migration));
	}

	@Override
	public void afterRun(MigrationReport report) {
		this.reports.accept(report);
		publish(new MigrationRunFinishedEvent(this.migrator, this.migratorName, report));
	}

	@Override
	public void onFailure(RuntimeException failure) {
		publish(new MigrationRunFailedEvent(this.migrator, this.migratorName, failure));
	}

	private void publish(Object event) {
		if (this.events != null) {
			this.events.publishEvent(event);
		}
	}

}
