package dev.migrator.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link MigratorInitializer} initializes the database, so JdbcTemplate, JdbcClient, JPA and
 * {@code @DependsOnDatabaseInitialization} beans are created after migrations ran.
 */
class MigratorDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigratorInitializer.class);
	}

	/** After script-based initialization (order 0), like Spring Boot's Flyway and Liquibase detectors. */
	@Override
	public int getOrder() {
		return 1;
	}

}
