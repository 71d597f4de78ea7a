package dev.migrator.autoconfigure;

import javax.sql.DataSource;

import dev.migrator.engine.Migrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Applies journaled migrations while the context starts: a {@link Migrator} on the chosen DataSource and a
 * {@link MigratorInitializer} that runs {@code migrator.mode} before any bean that uses the database.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "org.postgresql.Driver")
@ConditionalOnBooleanProperty(name = "migrator.enabled", matchIfMissing = true)
@Conditional(MigratorAutoConfiguration.MigratorDataSourceCondition.class)
@EnableConfigurationProperties(MigratorProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigratorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Migrator migrator(MigratorProperties properties, ObjectProvider<DataSource> dataSource,
			@MigratorDataSource ObjectProvider<DataSource> migratorDataSource,
			ObjectProvider<JdbcConnectionDetails> connectionDetails, ResourceLoader resourceLoader) {
		DataSource target = MigrationDataSources.choose(properties, migratorDataSource.getIfAvailable(),
				dataSource::getIfUnique, connectionDetails.getIfAvailable());
		return new Migrator(target, properties.toSettings(), resourceLoader.getClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean
	MigratorInitializer migratorInitializer(Migrator migrator, MigratorProperties properties) {
		return new MigratorInitializer(migrator, properties.getMode());
	}

	@Bean
	static LazyInitializationExcludeFilter migratorLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(MigratorInitializer.class);
	}

	/** Active on a DataSource bean, or on {@code migrator.url}. */
	static final class MigratorDataSourceCondition extends AnyNestedCondition {

		MigratorDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnProperty("migrator.url")
		private static final class MigratorUrlCondition {

		}

	}

}
