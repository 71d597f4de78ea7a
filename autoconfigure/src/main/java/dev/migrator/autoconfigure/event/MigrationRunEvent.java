package dev.migrator.autoconfigure.event;

import dev.migrator.engine.Migrator;

import org.springframework.context.ApplicationEvent;

/**
 * Something a startup migration run of one Migrator bean did. The events of one run come in this order:
 * {@link MigrationRunStartingEvent}, a {@link MigrationAppliedEvent} per migration applied, then
 * {@link MigrationRunFinishedEvent} or {@link MigrationRunFailedEvent}.
 *
 * <p>They are published while the context refreshes, before {@code @EventListener} methods are registered: listen
 * with an {@code ApplicationListener} bean (which must not itself need the database, as it is created while the
 * database is being migrated) or with {@code SpringApplication.addListeners(...)}.
 */
public abstract class MigrationRunEvent extends ApplicationEvent {

	private final String migratorName;

	/**
	 * An event of a run.
	 * @param migrator the Migrator bean that runs
	 * @param migratorName its bean name
	 */
	protected MigrationRunEvent(Migrator migrator, String migratorName) {
		super(migrator);
		this.migratorName = migratorName;
	}

	/** The Migrator bean that runs (also {@link #getSource()}). */
	public Migrator getMigrator() {
		return (Migrator) getSource();
	}

	/** The Migrator bean's name, such as {@code migrator}; the endpoint reports it under this name. */
	public String getMigratorName() {
		return this.migratorName;
	}

}
