package dev.migrator.autoconfigure;

import java.util.List;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

class MigratorSettingsCustomizerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class));

	@Test
	void customizerChangesTheHistoryTableUsed() {
		TestDatabase db = TestPostgres.newDatabase("customizer");
		this.contextRunner.withPropertyValues(db.springDataSourcePairs())
			.withBean(MigratorSettingsCustomizer.class,
					() -> (settings) -> settings.withHistoryTable("app_history", "applied"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).settings().qualifiedTable()).isEqualTo("app_history.applied");
			});
		assertThat(Sql.rows(db, "SELECT count(*) FROM app_history.applied")).containsExactly(List.of("2"));
		assertThat(Sql.value(db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
		assertThat(Sql.tableExists(db, "widgets")).isTrue();
	}

	@Test
	void customizersRunInOrderEachOnThePreviousResult() {
		TestDatabase db = TestPostgres.newDatabase("customizers");
		this.contextRunner.withPropertyValues(db.springDataSourcePairs())
			.withPropertyValues("migrator.schema=from_properties")
			.withBean("second", MigratorSettingsCustomizer.class, () -> new TableSuffix("_second", 2))
			.withBean("first", MigratorSettingsCustomizer.class, () -> new TableSuffix("_first", 1))
			.run((context) -> assertThat(context.getBean(Migrator.class).settings().qualifiedTable())
				.isEqualTo("from_properties.__drizzle_migrations_first_second"));
		assertThat(Sql.rows(db, "SELECT count(*) FROM from_properties.__drizzle_migrations_first_second"))
			.containsExactly(List.of("2"));
	}

	@Test
	void customizerThatReturnsNothingStopsStartupNamingIt() {
		TestDatabase db = TestPostgres.newDatabase("customizer");
		this.contextRunner.withPropertyValues(db.springDataSourcePairs())
			.withBean(TableSuffix.class, () -> new TableSuffix(null, 0))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MigratorConfigurationException.class)
				.hasMessage("The MigratorSettingsCustomizer " + TableSuffix.class.getName() + " returned no settings"));
		assertThat(Sql.tableExists(db, "widgets")).isFalse();
	}

	/** Appends a suffix to the table name; a {@code null} suffix returns no settings. */
	record TableSuffix(String suffix, int order) implements MigratorSettingsCustomizer, Ordered {

		@Override
		public MigratorSettings customize(MigratorSettings settings) {
			return (this.suffix != null) ? settings.withHistoryTable(settings.schema(), settings.table() + this.suffix)
					: null;
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

}
