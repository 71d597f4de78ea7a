package dev.migrator.actuate;

import dev.migrator.autoconfigure.MigrationsEndpointAutoConfiguration;
import dev.migrator.autoconfigure.MigrationsHealthContributorAutoConfiguration;
import dev.migrator.autoconfigure.MigratorMetricsAutoConfiguration;
import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsEndpointAutoConfigurationTests {

	private static final TestDatabase db = TestPostgres.newDatabase("endpointconfig");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class,
				MigratorMetricsAutoConfiguration.class))
		.withPropertyValues(db.springDataSourcePairs());

	@Test
	void runWhenExposedShouldHaveEndpointBean() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenNotExposedShouldNotHaveEndpointBean() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenAccessIsNoneShouldNotHaveEndpointBean() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWithoutActuatorShouldNotHaveEndpointBeanButStillMigrate() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationsEndpoint.class)
				.hasBean("migrator"));
	}

	@Test
	void healthIndicatorPresentByDefaultAndAbsentWhenDisabled() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("migrationsHealthIndicator"));
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthIndicator"));
	}

	@Test
	void metricsGiveCountsByStateAndTheStartupTimer() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(MigrationsMetrics.class).bindTo(registry);
			assertThat(registry.get("migrator.migrations").tag("state", "applied").gauge().value()).isEqualTo(2.0);
			assertThat(registry.get("migrator.migrations").tag("state", "pending").gauge().value()).isZero();
			assertThat(registry.get("migrator.startup.run").timer().count()).isEqualTo(1);
		});
	}

}
