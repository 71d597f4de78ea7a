package dev.migrator.autoconfigure;

import dev.migrator.actuate.MigrationsMetrics;
import dev.migrator.engine.Migrator;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Gauges of migrations by migrator and state, and a timer of each startup run, when Micrometer is present. */
@AutoConfiguration(after = MigratorAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ Migrator.class, MeterRegistry.class })
public final class MigratorMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsMetrics migrationsMetrics(ListableBeanFactory beanFactory, ObjectProvider<StartupMigrations> startup) {
		return new MigrationsMetrics(beanFactory.getBeansOfType(Migrator.class), (name) -> {
			StartupMigrations migrations = startup.getIfAvailable();
			return (migrations != null) ? migrations.report(name) : null;
		});
	}

}
