package dev.migrator.actuate;

import dev.migrator.autoconfigure.MigrationsEndpointAutoConfiguration;
import dev.migrator.autoconfigure.MigrationsHealthContributorAutoConfiguration;
import dev.migrator.autoconfigure.MigratorMetricsAutoConfiguration;
import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
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
	void healthContributorPresentByDefaultAndAbsentWhenDisabled() {
		this.contextRunner.run((context) -> assertThat(context.getBean("migrationsHealthContributor"))
			.isInstanceOf(MigrationsHealthIndicator.class));
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthContributor"));
	}

	@Test
	void severalMigratorsGiveOneEndpointEntryAndOneHealthComponentEach() {
		TestDatabase audit = TestPostgres.newDatabase("endpointaudit");
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("auditMigrator", Migrator.class,
					() -> new Migrator(audit.dataSource(), MigratorSettings.defaults("classpath:db/audit"),
							getClass().getClassLoader()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationsEndpoint.MigratorsDescriptor all = context.getBean(MigrationsEndpoint.class).migrations();
				assertThat(all.migrators()).containsOnlyKeys("auditMigrator", "migrator");
				assertThat(all.migrators().get("migrator").applied()).isEqualTo(2);
				assertThat(all.migrators().get("auditMigrator").applied()).isEqualTo(1);
				CompositeHealthContributor health = context.getBean("migrationsHealthContributor",
						CompositeHealthContributor.class);
				assertThat(health.getContributor("migrator")).isInstanceOf(MigrationsHealthIndicator.class);
				assertThat(((MigrationsHealthIndicator) health.getContributor("auditMigrator")).health(true).getDetails())
					.containsEntry("applied", 1L);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(MigrationsMetrics.class).bindTo(registry);
				assertThat(registry.get("migrator.migrations").tag("migrator", "auditMigrator").tag("state", "applied")
					.gauge().value()).isEqualTo(1.0);
				assertThat(registry.get("migrator.startup.run").tag("migrator", "auditMigrator").timer().count())
					.isEqualTo(1);
			});
	}

	@Test
	void metricsGiveCountsByStateAndTheStartupTimer() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(MigrationsMetrics.class).bindTo(registry);
			assertThat(registry.get("migrator.migrations").tag("migrator", "migrator").tag("state", "applied").gauge().value())
				.isEqualTo(2.0);
			assertThat(registry.get("migrator.migrations").tag("state", "pending").gauge().value()).isZero();
			assertThat(registry.get("migrator.startup.run").tag("migrator", "migrator").timer().count()).isEqualTo(1);
		});
	}

}
