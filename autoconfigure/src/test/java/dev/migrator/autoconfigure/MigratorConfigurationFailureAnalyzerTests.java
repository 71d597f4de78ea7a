package dev.migrator.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Each way to misconfigure Migrator stops a real application start with Spring Boot's failure analysis naming the
 * property or bean (never a bare stack trace), and writes nothing. Values that Spring Boot binds itself (booleans,
 * enums, durations) are reported by Boot's own analyzers, the others by {@link MigratorConfigurationFailureAnalyzer}
 * or Boot's invalid-property analyzer.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigratorConfigurationFailureAnalyzerTests {

	private TestDatabase db;

	@BeforeEach
	void freshDatabase() {
		this.db = TestPostgres.newDatabase("misconfigured");
	}

	@AfterEach
	void nothingWasWritten() {
		assertThat(Sql.value(this.db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'")).isEqualTo("0");
		assertThat(Sql.tableExists(this.db, "widgets")).isFalse();
	}

	private void startFails(CapturedOutput output, Class<?> app, String... properties) {
		List<String> all = new ArrayList<>(List.of(this.db.springDataSourcePairs()));
		all.addAll(List.of(properties));
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run());
		assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain("Application run failed");
	}

	@Test
	void enabledThatIsNotABooleanNamesTheProperty(CapturedOutput output) {
		startFails(output, MinimalApp.class, "migrator.enabled=maybe");
		assertThat(output).contains("Failed to bind properties under 'migrator.enabled' to java.lang.Boolean")
			.contains("Value: \"maybe\"")
			.contains("Invalid boolean value 'maybe'");
	}

	@Test
	void unknownModeNamesTheProperty(CapturedOutput output) {
		startFails(output, MinimalApp.class, "migrator.mode=sometimes");
		assertThat(output).contains("Failed to bind properties under 'migrator.mode'").contains("Value: \"sometimes\"");
	}

	@Test
	void lintSetToAModeInsteadOfLintModeNamesTheProperty(CapturedOutput output) {
		startFails(output, MinimalApp.class, "migrator.lint=off");
		assertThat(output).contains("migrator.lint was given the value 'off'")
			.contains("is the group of the lint's settings and takes no value of its own")
			.contains("Set the lint's mode with migrator.lint.mode=off (warn, fail or off) instead")
			.doesNotContain("No converter found");
	}

	@Test
	void negativeDurationNamesTheProperty(CapturedOutput output) {
		startFails(output, MinimalApp.class, "migrator.lock-wait-timeout=-1s");
		assertThat(output).contains("Invalid value '-1s' for configuration property 'migrator.lock-wait-timeout'")
			.contains("it must not be negative");
	}

	@Test
	void historyTableThatIsNotAnIdentifierNamesTheProperty(CapturedOutput output) {
		startFails(output, MinimalApp.class, "migrator.table=x;drop table y");
		assertThat(output).contains("Invalid value 'x;drop table y' for configuration property 'migrator.table'")
			.contains("it must be a plain SQL identifier");
	}

	@Test
	void passwordWithoutUsernameIsRefusedWithoutShowingIt(CapturedOutput output) {
		startFails(output, MinimalApp.class, "migrator.password=s3cret-pw");
		assertThat(output)
			.contains("Description:\n\nmigrator.password is set but migrator.username is not, so the password would be"
					+ " ignored")
			.contains("Action:\n\nSet migrator.username to the user the password belongs to, or remove"
					+ " migrator.password.")
			.doesNotContain("s3cret-pw");
	}

	@Test
	void locationWithAnotherSchemeNamesTheSupportedOnes(CapturedOutput output) {
		startFails(output, MinimalApp.class, "migrator.location=https://example.com/migrations");
		assertThat(output)
			.contains("Invalid value 'https://example.com/migrations' for configuration property 'migrator.location'")
			.contains("only classpath: and file: locations are supported (an unprefixed location means classpath:)");
	}

	@Test
	void classpathStarLocationNamesTheSupportedOnes(CapturedOutput output) {
		startFails(output, MinimalApp.class, "migrator.location=classpath*:db/migrations");
		assertThat(output)
			.contains("Invalid value 'classpath*:db/migrations' for configuration property 'migrator.location'")
			.contains("only classpath: and file: locations are supported");
	}

	@Test
	void urlOfAnotherDatabaseIsRefusedBeforeConnecting(CapturedOutput output) {
		startFails(output, MinimalApp.class, "migrator.url=jdbc:mysql://localhost:3306/app?password=s3cret-pw");
		assertThat(output)
			.contains("Description:\n\nmigrator.url 'jdbc:mysql://localhost:3306/app?...' is not a PostgreSQL JDBC URL:"
					+ " Migrator migrates PostgreSQL databases only")
			.contains("Action:\n\nSet migrator.url to a URL such as jdbc:postgresql://localhost:5432/app")
			.doesNotContain("s3cret-pw")
			.doesNotContain("NullPointerException");
	}

	@Test
	void urlThatIsNoUrlIsRefusedBeforeConnecting(CapturedOutput output) {
		startFails(output, MinimalApp.class, "migrator.url=not-a-url");
		assertThat(output).contains("migrator.url 'not-a-url' is not a PostgreSQL JDBC URL")
			.doesNotContain("NullPointerException");
	}

	@Test
	void usernameAloneOnAnApplicationUrlOfAnotherDatabaseIsRefused(CapturedOutput output) {
		startFails(output, ForeignApplicationDatabaseApp.class, "migrator.username=ddl");
		assertThat(output)
			.contains("Description:\n\nmigrator.username is set without migrator.url, and the JDBC URL"
					+ " 'jdbc:mysql://localhost:3306/app' of the DataSource to migrate is not a PostgreSQL JDBC URL")
			.contains("Action:\n\nSet migrator.url to the PostgreSQL database to migrate");
	}

	@Test
	void severalDataSourcesWithoutAChoiceNameThem(CapturedOutput output) {
		startFails(output, TwoDataSourcesApp.class);
		assertThat(output)
			.contains("Description:\n\nThe application has several DataSource beans [firstDataSource, secondDataSource]"
					+ " and none is @Primary or @MigratorDataSource, so Migrator cannot tell which one to migrate")
			.contains("Action:\n\nMark the DataSource to migrate @Primary or @MigratorDataSource, or set migrator.url,"
					+ " or define a Migrator bean for each DataSource");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class })
	static class MinimalApp {

	}

	/** An application whose own database is not PostgreSQL. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(MigratorAutoConfiguration.class)
	static class ForeignApplicationDatabaseApp {

		private static final String URL = "jdbc:mysql://localhost:3306/app";

		@Bean
		DataSource dataSource() {
			return new SimpleDriverDataSource(new org.postgresql.Driver(), URL);
		}

		@Bean
		JdbcConnectionDetails jdbcConnectionDetails() {
			return new JdbcConnectionDetails() {

				@Override
				public String getJdbcUrl() {
					return URL;
				}

				@Override
				public String getUsername() {
					return "app";
				}

				@Override
				public String getPassword() {
					return null;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(MigratorAutoConfiguration.class)
	static class TwoDataSourcesApp {

		@Bean
		DataSource firstDataSource(Environment environment) {
			return dataSource(environment);
		}

		@Bean
		DataSource secondDataSource(Environment environment) {
			return dataSource(environment);
		}

		private static DataSource dataSource(Environment environment) {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(environment.getProperty("spring.datasource.url"));
			dataSource.setUser(environment.getProperty("spring.datasource.username"));
			dataSource.setPassword(environment.getProperty("spring.datasource.password"));
			return dataSource;
		}

	}

}
