package dev.migrator.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.MigrationState;
import dev.migrator.engine.Plan;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MigratorStartupStrategyTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class));

	@Test
	void strategyBeanReplacesMigrateAtStartup() {
		TestDatabase db = TestPostgres.newDatabase("strategy");
		List<String> pendingSeen = new ArrayList<>();
		this.contextRunner.withPropertyValues(db.springDataSourcePairs())
			.withPropertyValues("migrator.mode=migrate")
			.withBean(MigratorStartupStrategy.class, () -> (name, migrator) -> {
				Plan plan = migrator.status();
				pendingSeen.add(name + ": " + plan.count(MigrationState.PENDING) + " pending");
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(StartupMigrations.class).report("migrator")).isNull();
			});
		assertThat(pendingSeen).containsExactly("migrator: 2 pending");
		assertThat(Sql.tableExists(db, "widgets")).isFalse();
		assertThat(Sql.value(db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

	@Test
	void strategyThatMigratesIsReportedLikeTheDefault() {
		TestDatabase db = TestPostgres.newDatabase("strategy");
		this.contextRunner.withPropertyValues(db.springDataSourcePairs())
			.withPropertyValues("migrator.mode=off")
			.withBean(MigratorStartupStrategy.class, () -> (name, migrator) -> migrator.migrate())
			.run((context) -> assertThat(context.getBean(StartupMigrations.class).report("migrator").applied())
				.hasSize(2));
		assertThat(Sql.history(db)).hasSize(2);
	}

	@Test
	void strategyThatThrowsStopsStartup() {
		TestDatabase db = TestPostgres.newDatabase("strategy");
		this.contextRunner.withPropertyValues(db.springDataSourcePairs())
			.withBean(MigratorStartupStrategy.class, () -> (name, migrator) -> {
				throw new IllegalStateException("Not in this profile: " + name);
			})
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Not in this profile: migrator"));
		assertThat(Sql.tableExists(db, "widgets")).isFalse();
	}

	@Test
	void modeStrategiesMigrateValidateOrDoNothing() {
		TestDatabase db = TestPostgres.newDatabase("modes");
		this.contextRunner.withPropertyValues(db.springDataSourcePairs())
			.withBean(MigratorStartupStrategy.class, () -> MigratorStartupStrategy.of(MigratorProperties.Mode.OFF))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(Sql.tableExists(db, "widgets")).isFalse();
		this.contextRunner.withPropertyValues(db.springDataSourcePairs())
			.withBean(MigratorStartupStrategy.class,
					() -> MigratorStartupStrategy.of(MigratorProperties.Mode.VALIDATE))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("0000_widgets is not applied"));
		this.contextRunner.withPropertyValues(db.springDataSourcePairs())
			.withBean(MigratorStartupStrategy.class, () -> MigratorStartupStrategy.of(MigratorProperties.Mode.MIGRATE))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(Sql.history(db)).hasSize(2);
	}

}
