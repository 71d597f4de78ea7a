package dev.migrator.autoconfigure;

import java.nio.file.Path;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class MigratorFailureAnalyzerTests {

	@TempDir
	Path dir;

	private static ConfigurableApplicationContext start(TestDatabase db, MigrationsFolder folder, String... properties) {
		return new SpringApplicationBuilder(MinimalApp.class).web(WebApplicationType.NONE)
			.properties(db.springDataSourcePairs())
			.properties("migrator.location=" + folder.location())
			.properties(properties)
			.run();
	}

	@Test
	void failingMigrationStopsStartupWithDescriptionAndAction(CapturedOutput output) {
		TestDatabase db = TestPostgres.newDatabase("analyzer");
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.add("0001_broken", "CREATE TABLE b (id int);\nINSERT INTO b VALUES ('not a number');");
		assertThatException().isThrownBy(() -> start(db, folder));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\nMigrations could not be applied: Migration 0001_broken failed at statement 2 of 2"
					+ " (line 2:1 of 0001_broken.sql, error at 2:23): ERROR: invalid input syntax for type integer: \"not a number\"")
			.contains("[SQLSTATE 22P02]. Nothing of 0001_broken was kept")
			.contains("Action:\n\nFix 0001_broken.sql (it was not applied, so editing it is safe) and start again.");
		assertThat(Sql.tableExists(db, "a")).isTrue();
		assertThat(Sql.tableExists(db, "b")).isFalse();
	}

	@Test
	void segmentedMigrationFailureShowsWhatStayedCommittedAndWhatToDo(CapturedOutput output) {
		TestDatabase db = TestPostgres.newDatabase("analyzer");
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);\nCOMMIT;\nCREATE INDEX CONCURRENTLY a_idx ON a (id);\nSELECT 1/0;");
		assertThatException().isThrownBy(() -> start(db, folder));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Migration 0000_init failed at statement 4 of 4")
			.contains("Statements 1-3 of 0000_init stayed committed")
			.contains("Action:\n\nStatements 1-3 stayed committed; make the rest of 0000_init.sql idempotent");
		assertThat(Sql.tableExists(db, "a")).isTrue();
		assertThat(Sql.value(db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

	@Test
	void brokenJournalStopsStartupNamingTheEntry(CapturedOutput output) {
		TestDatabase db = TestPostgres.newDatabase("analyzer");
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", "SELECT 1;").addEntryOnly("0001_lost", 9L);
		assertThatException().isThrownBy(() -> start(db, folder));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("(tag \"0001_lost\") has no file 0001_lost.sql")
			.contains("Action:\n\nRestore 0001_lost.sql");
	}

	@Test
	void dataSourceThatGivesNoConnectionStopsStartupWithoutANullPointer(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(MinimalApp.class, ForeignUrlDataSource.class)
			.web(WebApplicationType.NONE)
			.run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\nMigrations could not be applied: The DataSource"
					+ " (org.springframework.jdbc.datasource.SimpleDriverDataSource) returned no connection: its JDBC"
					+ " driver does not accept the URL it was given")
			.contains("Action:\n\nGive it a PostgreSQL JDBC URL, such as jdbc:postgresql://localhost:5432/app.")
			.doesNotContain("NullPointerException");
	}

	@Test
	void logsEachAppliedMigrationThenUpToDateNamingTheDatabase(CapturedOutput output) {
		TestDatabase db = TestPostgres.newDatabase("logging");
		String database = Pattern.quote(databaseName(db));
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.add("0001_more", "CREATE TABLE b (id int);");
		start(db, folder, "spring.datasource.url=" + db.url() + (db.url().contains("?") ? "&" : "?")
				+ "ApplicationName=url-parameter-marker").close();
		assertThat(output).containsPattern("Applied migration 0000_init on " + database + " in \\d+ ms")
			.containsPattern("Applied migration 0001_more on " + database + " in \\d+ ms")
			.containsPattern("Applied 2 migration\\(s\\) to drizzle.__drizzle_migrations on " + database
					+ " in \\d+ ms \\(0 were already applied\\)")
			.doesNotContain("url-parameter-marker");
		start(db, folder).close();
		assertThat(output)
			.containsPattern("drizzle.__drizzle_migrations on " + database + " is up to date: 2 applied, checked in \\d+ ms");
	}

	@Test
	void validateModeLogsOneLineOnSuccess(CapturedOutput output) {
		TestDatabase db = TestPostgres.newDatabase("validated");
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", "CREATE TABLE a (id int);");
		start(db, folder).close();
		start(db, folder, "migrator.mode=validate").close();
		assertThat(output).containsOnlyOnce("validated:")
			.contains("Schema drizzle.__drizzle_migrations on " + databaseName(db)
					+ " validated: 1 applied, nothing pending");
	}

	/** {@code host:port/database} of a test database. */
	private static String databaseName(TestDatabase db) {
		return db.url().replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class })
	static class MinimalApp {

	}

	/** A DataSource whose driver (PostgreSQL's) does not accept its URL, so it answers {@code null}. */
	@Configuration(proxyBeanMethods = false)
	static class ForeignUrlDataSource {

		@Bean
		DataSource dataSource() {
			return new SimpleDriverDataSource(new org.postgresql.Driver(), "jdbc:mysql://localhost:3306/app");
		}

	}

}
