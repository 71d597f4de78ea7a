package dev.migrator.autoconfigure;

import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.Migrator;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs one {@link Migrator} in a {@link MigratorProperties.Mode} while the context refreshes. Beans that use the
 * database are created after it ({@link MigratorDatabaseInitializerDetector}). {@link StartupMigrations} runs every
 * Migrator bean anyway; define a MigratorInitializer bean only to give a migrator another mode than
 * {@code migrator.mode}.
 */
public class MigratorInitializer implements InitializingBean {

	private final Migrator migrator;

	private final MigratorProperties.Mode mode;

	private volatile MigrationReport report;

	public MigratorInitializer(Migrator migrator, MigratorProperties.Mode mode) {
		this.migrator = migrator;
		this.mode = mode;
	}

	@Override
	public void afterPropertiesSet() {
		switch (this.mode) {
			case MIGRATE -> this.report = this.migrator.migrate();
			case VALIDATE -> this.migrator.validate();
			case OFF -> {
			}
		}
	}

	/** The migrator this initializer runs. */
	public Migrator migrator() {
		return this.migrator;
	}

	/** What the startup run applied, or {@code null} when it did not migrate. */
	public MigrationReport report() {
		return this.report;
	}

}
