package dev.migrator.autoconfigure;

import java.util.Map;

import javax.sql.DataSource;

import dev.migrator.engine.JournalPrefetch;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Applies journaled migrations while the context starts: a {@link Migrator} named {@code migrator} on the chosen
 * DataSource, unless another Migrator bean already runs on that DataSource, and {@link StartupMigrations}, which runs
 * every Migrator bean before any bean that uses the database. {@link MigratorSettingsCustomizer} beans adjust the
 * {@code migrator} bean's settings; a {@link MigratorStartupStrategy} bean replaces {@code migrator.mode}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "org.postgresql.Driver")
@Conditional({ MigratorAutoConfiguration.OnEnabledCondition.class, MigratorAutoConfiguration.OnMigratorsCondition.class })
@EnableConfigurationProperties(MigratorProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigratorAutoConfiguration {

	/** The name of the auto-configured migrator, as shown by the endpoint and health. */
	public static final String MIGRATOR_BEAN_NAME = "migrator";

	@Bean
	StartupMigrations startupMigrations(ListableBeanFactory beanFactory, MigratorProperties properties,
			ObjectProvider<MigratorStartupStrategy> strategy, ApplicationEventPublisher events) {
		properties.toSettings(); // every migrator.* value is checked, even when only the application's migrators run
		return new StartupMigrations(beanFactory,
				strategy.getIfAvailable(() -> MigratorStartupStrategy.of(properties.getMode())), events);
	}

	@Bean
	static LazyInitializationExcludeFilter migratorLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(MigratorInitializer.class, StartupMigrations.class);
	}

	/**
	 * The migrator of the application's database. A fallback, so that injecting a {@code Migrator} still finds the
	 * application's own when it defines one.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(DataSourceOrUrlCondition.class)
	static class ApplicationMigratorConfiguration {

		private static final Logger logger = LoggerFactory.getLogger(MigratorAutoConfiguration.class);

		/**
		 * The migrator, or {@code null} (no bean) when another Migrator bean runs on the same DataSource, or when
		 * there are several DataSources and each has a Migrator bean of its own.
		 */
		@Bean(MIGRATOR_BEAN_NAME)
		@Fallback
		@ConditionalOnMissingBean(name = MIGRATOR_BEAN_NAME)
		Migrator migrator(MigratorProperties properties, ObjectProvider<DataSource> dataSource,
				@MigratorDataSource ObjectProvider<DataSource> migratorDataSource,
				ObjectProvider<JdbcConnectionDetails> connectionDetails, ResourceLoader resourceLoader,
				ListableBeanFactory beanFactory, ObjectProvider<MigratorSettingsCustomizer> customizers,
				ObjectProvider<JournalPrefetch> prefetch) {
			MigratorSettings settings = customized(properties.toSettings(), customizers);
			DataSource target = MigrationDataSources.choose(properties, migratorDataSource.getIfAvailable(),
					dataSource::getIfUnique, connectionDetails.getIfAvailable());
			Map<String, Migrator> others = beanFactory.getBeansOfType(Migrator.class);
			others.remove(MIGRATOR_BEAN_NAME);
			if (target == null) {
				MigratorConfigurationException unchosen = MigrationDataSources
					.unchosen(beanFactory.getBeansOfType(DataSource.class), others.values());
				if (unchosen != null) {
					throw unchosen;
				}
				logger.debug("Every DataSource has a Migrator bean of its own: no auto-configured migrator");
				return null;
			}
			for (Map.Entry<String, Migrator> other : others.entrySet()) {
				if (other.getValue().dataSource() == target) {
					logger.debug("Migrator bean '{}' runs on the application's DataSource: no auto-configured migrator",
							other.getKey());
					return null;
				}
			}
			return new Migrator(target, settings, resourceLoader.getClassLoader(), prefetch.getIfAvailable());
		}

		/** The settings after every customizer, in order; one that returns nothing stops startup naming it. */
		static MigratorSettings customized(MigratorSettings settings,
				ObjectProvider<MigratorSettingsCustomizer> customizers) {
			MigratorSettings current = settings;
			for (MigratorSettingsCustomizer customizer : customizers.orderedStream().toList()) {
				MigratorSettings next = customizer.customize(current);
				if (next == null) {
					throw new MigratorConfigurationException("The MigratorSettingsCustomizer "
							+ customizer.getClass().getName() + " returned no settings",
							"Return the settings it was given, or a copy made with their with... methods.");
				}
				current = next;
			}
			return current;
		}

	}

	/** Whether {@code migrator.enabled} is true or unset; any other value than true or false stops startup. */
	static final class OnEnabledCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("migrator.enabled");
			boolean enabled = Binder.get(context.getEnvironment()).bind("migrator.enabled", Boolean.class).orElse(true);
			return enabled ? ConditionOutcome.match(message.because("is true or not set"))
					: ConditionOutcome.noMatch(message.because("is false"));
		}

	}

	/** Active when there is something to migrate: a DataSource bean, {@code migrator.url}, or a Migrator bean. */
	static final class OnMigratorsCondition extends AnyNestedCondition {

		OnMigratorsCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(DataSourceOrUrlCondition.class)
		private static final class DataSourceOrUrl {

		}

		@ConditionalOnBean(Migrator.class)
		private static final class MigratorBean {

		}

	}

	/** Active on a DataSource bean, or on {@code migrator.url}. */
	static final class DataSourceOrUrlCondition extends AnyNestedCondition {

		DataSourceOrUrlCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBean {

		}

		@ConditionalOnProperty("migrator.url")
		private static final class MigratorUrl {

		}

	}

}
