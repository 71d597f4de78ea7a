package dev.migrator.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link StartupMigrations} and {@link MigratorInitializer} initialize the database, so
 * JdbcTemplate, JdbcClient, JPA and {@code @DependsOnDatabaseInitialization} beans are created after migrations ran.
 */
class MigratorDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(StartupMigrations.class, MigratorInitializer.class);
	}

	/**
	 * Early: script-based initialization (schema.sql/data.sql, order {@code Integer.MAX_VALUE - 100}) comes after
	 * migrations, so data.sql can fill migrated tables.
	 */
	@Override
	public int getOrder() {
		return 1;
	}

}
