package dev.migrator.autoconfigure;

import dev.migrator.engine.MigratorSettings;

/**
 * Adjusts the settings of the auto-configured {@code migrator} bean before it is built, for what {@code migrator.*}
 * properties cannot express (a history table chosen at run time, a policy that depends on the environment). Every
 * bean of this type is applied, in {@code @Order} order, each to the settings the previous one returned. The
 * application's own Migrator beans are built by the application and are not customized.
 */
@FunctionalInterface
public interface MigratorSettingsCustomizer {

	/**
	 * Adjusts the settings.
	 * @param settings the settings from the {@code migrator.*} properties and the customizers before this one
	 * @return the settings to use, such as {@code settings.withHistoryTable("app", "migrations")}
	 */
	MigratorSettings customize(MigratorSettings settings);

}
