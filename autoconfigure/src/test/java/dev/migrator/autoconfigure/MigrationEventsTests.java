package dev.migrator.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.migrator.autoconfigure.event.MigrationAppliedEvent;
import dev.migrator.autoconfigure.event.MigrationRunEvent;
import dev.migrator.autoconfigure.event.MigrationRunFailedEvent;
import dev.migrator.autoconfigure.event.MigrationRunFinishedEvent;
import dev.migrator.autoconfigure.event.MigrationRunStartingEvent;
import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.MigrationFailedException;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationEventsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class));

	private final Recorder recorder = new Recorder();

	@TempDir
	Path dir;

	@Test
	void eventsArriveInOrderWithTheTagsDurationsAndReport() {
		TestDatabase db = TestPostgres.newDatabase("events");
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_accounts", "CREATE TABLE accounts (id int);")
			.add("0001_slow_backfill", "SELECT pg_sleep(0.1);");
		this.contextRunner.withPropertyValues(db.springDataSourcePairs())
			.withPropertyValues("migrator.location=" + folder.location())
			.withBean(Recorder.class, () -> this.recorder)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(this.recorder.lines()).containsExactly("migrator starting", "migrator applied 0000_accounts",
				"migrator applied 0001_slow_backfill", "migrator finished: 2 applied");
		List<MigrationAppliedEvent> applied = this.recorder.of(MigrationAppliedEvent.class);
		assertThat(applied.get(1).getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		MigrationRunFinishedEvent finished = this.recorder.of(MigrationRunFinishedEvent.class).get(0);
		assertThat(finished.getReport().applied()).containsExactly(applied.get(0).getMigration(),
				applied.get(1).getMigration());
		assertThat(finished.getReport().duration()).isGreaterThanOrEqualTo(applied.get(1).getDuration());
		assertThat(Sql.history(db)).hasSize(2);
	}

	@Test
	void failureEventCarriesTheExceptionAndStartupStillFails() {
		TestDatabase db = TestPostgres.newDatabase("events");
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_accounts", "CREATE TABLE accounts (id int);")
			.add("0001_broken", "INSERT INTO missing_table VALUES (1);");
		this.contextRunner.withPropertyValues(db.springDataSourcePairs())
			.withPropertyValues("migrator.location=" + folder.location())
			.withBean(Recorder.class, () -> this.recorder)
			.run((context) -> {
				MigrationRunFailedEvent failed = this.recorder.of(MigrationRunFailedEvent.class).get(0);
				assertThat(failed.getException()).isInstanceOf(MigrationFailedException.class);
				assertThat(causes(context.getStartupFailure())).contains(failed.getException());
			});
		assertThat(this.recorder.lines()).containsExactly("migrator starting", "migrator applied 0000_accounts",
				"migrator failed: MigrationFailedException");
		assertThat(this.recorder.of(MigrationRunFailedEvent.class).get(0).getException())
			.hasMessageContaining("Migration 0001_broken failed");
		assertThat(Sql.history(db)).hasSize(1);
	}

	@Test
	void eventsNameEachMigratorBeanAndAnUpToDateRunFinishesWithNothingApplied() {
		TestDatabase app = TestPostgres.newDatabase("events");
		TestDatabase audit = TestPostgres.newDatabase("audit");
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withBean("dataSource", DataSource.class, app::dataSource, (bd) -> bd.setPrimary(true))
			.withBean("auditDataSource", DataSource.class, audit::dataSource)
			.withUserConfiguration(AuditMigratorWithItsOwnInitializer.class)
			.withBean(Recorder.class, () -> this.recorder);
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(this.recorder.lines()).contains("auditMigrator starting", "auditMigrator applied 0000_audit_events",
				"auditMigrator finished: 1 applied", "migrator starting", "migrator applied 0000_widgets",
				"migrator finished: 2 applied");
		this.recorder.events.clear();
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(this.recorder.lines()).containsExactlyInAnyOrder("auditMigrator starting",
				"auditMigrator finished: 0 applied", "migrator starting", "migrator finished: 0 applied");
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	@Configuration(proxyBeanMethods = false)
	static class AuditMigratorWithItsOwnInitializer {

		@Bean
		Migrator auditMigrator(@Qualifier("auditDataSource") DataSource auditDataSource) {
			return new Migrator(auditDataSource, MigratorSettings.defaults("classpath:db/audit"),
					getClass().getClassLoader());
		}

		@Bean
		MigratorInitializer auditInitializer(@Qualifier("auditMigrator") Migrator auditMigrator) {
			return new MigratorInitializer(auditMigrator, MigratorProperties.Mode.MIGRATE);
		}

	}

	/** An application listener bean, as an application would define one. */
	static final class Recorder implements ApplicationListener<MigrationRunEvent> {

		final List<MigrationRunEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(MigrationRunEvent event) {
			this.events.add(event);
		}

		<T> List<T> of(Class<T> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

		List<String> lines() {
			return this.events.stream().map((event) -> event.getMigratorName() + " " + describe(event)).toList();
		}

		private static String describe(MigrationRunEvent event) {
			if (event instanceof MigrationRunStartingEvent) {
				return "starting";
			}
			if (event instanceof MigrationAppliedEvent applied) {
				return "applied " + applied.getTag();
			}
			if (event instanceof MigrationRunFinishedEvent finished) {
				return "finished: " + finished.getReport().applied().size() + " applied";
			}
			return "failed: " + ((MigrationRunFailedEvent) event).getException().getClass().getSimpleName();
		}

	}

}
