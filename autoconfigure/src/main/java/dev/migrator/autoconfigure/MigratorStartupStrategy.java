package dev.migrator.autoconfigure;

import dev.migrator.engine.Migrator;

/**
 * What happens to a Migrator bean while the context starts, in place of {@code migrator.mode}: for example validate
 * in one profile and migrate in another, or only report what is pending. A bean of this type is used for every
 * Migrator bean that no {@link MigratorInitializer} bean runs; beans that use the database are still created after
 * it returns. An exception it throws stops startup.
 */
@FunctionalInterface
public interface MigratorStartupStrategy {

	/**
	 * Does what the application needs with one migrator at startup.
	 * @param migratorName the Migrator bean's name, such as {@code migrator}
	 * @param migrator the migrator; its {@link Migrator#migrate()} publishes the migration events
	 * ({@code dev.migrator.autoconfigure.event})
	 */
	void start(String migratorName, Migrator migrator);

	/**
	 * The strategy of a {@code migrator.mode}: migrate, validate, or do nothing.
	 * @param mode the mode
	 * @return the strategy
	 */
	static MigratorStartupStrategy of(MigratorProperties.Mode mode) {
		return switch (mode) {
			case MIGRATE -> (name, migrator) -> migrator.migrate();
			case VALIDATE -> (name, migrator) -> migrator.validate();
			case OFF -> (name, migrator) -> {
			};
		};
	}

}
