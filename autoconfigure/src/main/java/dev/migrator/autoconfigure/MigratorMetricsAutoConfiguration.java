package dev.migrator.autoconfigure;

import dev.migrator.actuate.MigrationsMetrics;
import dev.migrator.engine.Migrator;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Gauges of migrations by state and a timer of the startup run, when Micrometer is present. */
@AutoConfiguration(after = MigratorAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ Migrator.class, MeterRegistry.class })
public final class MigratorMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsMetrics migrationsMetrics(Migrator migrator, ObjectProvider<MigratorInitializer> initializer) {
		return new MigrationsMetrics(migrator, () -> {
			MigratorInitializer startup = initializer.getIfAvailable();
			return (startup != null) ? startup.report() : null;
		});
	}

}
