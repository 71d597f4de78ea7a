package dev.migrator.autoconfigure;

import java.nio.file.Path;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.JournalPrefetch;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal read ahead from {@code META-INF/spring.factories}: a real SpringApplication (an
 * ApplicationContextRunner applies no initializer) starts the read, and the startup run uses it.
 */
class MigratorJournalPrefetchTests {

	@TempDir
	Path dir;

	private ConfigurableApplicationContext start(TestDatabase db, MigrationsFolder folder, String... properties) {
		return new SpringApplicationBuilder(MigratorFailureAnalyzerTests.MinimalApp.class).web(WebApplicationType.NONE)
			.properties(db.springDataSourcePairs())
			.properties("migrator.location=" + folder.location())
			.properties(properties)
			.run();
	}

	@Test
	void applicationStartsTheReadAndItsStartupRunAppliesTheFolder() {
		TestDatabase db = TestPostgres.newDatabase("prefetch");
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.add("0001_more", "CREATE TABLE b (id int);");
		try (ConfigurableApplicationContext context = start(db, folder)) {
			assertThat(context.getBean(MigratorJournalPrefetch.BEAN_NAME, JournalPrefetch.class).used()).isTrue();
			assertThat(context.getBean(Migrator.class).journal().migrations()).hasSize(2);
			assertThat(Sql.tableExists(db, "b")).isTrue();
			assertThat(Sql.history(db)).hasSize(2);
		}
	}

	@Test
	void nothingIsReadAheadWhenMigratorIsDisabledOrOff() {
		TestDatabase db = TestPostgres.newDatabase("prefetch");
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", "CREATE TABLE a (id int);");
		for (String off : new String[] { "migrator.enabled=false", "migrator.mode=off" }) {
			try (ConfigurableApplicationContext context = start(db, folder, off)) {
				assertThat(context.containsBean(MigratorJournalPrefetch.BEAN_NAME)).as(off).isFalse();
				assertThat(Sql.tableExists(db, "a")).isFalse();
			}
		}
	}

	@Test
	void aCustomizerThatMovesTheLocationGetsItsOwnFolderRead() {
		TestDatabase db = TestPostgres.newDatabase("prefetch");
		MigrationsFolder named = MigrationsFolder.in(this.dir.resolve("named"))
			.add("0000_init", "CREATE TABLE a (id int);");
		MigrationsFolder moved = MigrationsFolder.in(this.dir.resolve("moved"))
			.add("0000_init", "CREATE TABLE c (id int);");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
				MigratorFailureAnalyzerTests.MinimalApp.class, MovedLocation.class)
			.web(WebApplicationType.NONE)
			.properties(db.springDataSourcePairs())
			.properties("migrator.location=" + named.location(), "moved.location=" + moved.location())
			.run()) {
			assertThat(Sql.tableExists(db, "c")).isTrue();
			assertThat(Sql.tableExists(db, "a")).isFalse();
			assertThat(context.getBean(MigratorJournalPrefetch.BEAN_NAME, JournalPrefetch.class).used()).isFalse();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class MovedLocation {

		@Bean
		MigratorSettingsCustomizer moveLocation(Environment environment) {
			return (settings) -> new MigratorSettings(environment.getProperty("moved.location"),
					settings.schema(), settings.table(), settings.policy(), settings.lockWaitTimeout(),
					settings.statementLockTimeout(), settings.lockRetries());
		}

	}

}
