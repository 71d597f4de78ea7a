package dev.migrator.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.engine.Policy;
import dev.migrator.engine.lint.LintSettings;
import dev.migrator.testsupport.Sql;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class MigratorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class));

	private static ApplicationContextRunner on(ApplicationContextRunner runner, TestDatabase db) {
		return runner.withPropertyValues(db.springDataSourcePairs());
	}

	@Test
	void backsOffWithoutDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class).doesNotHaveBean(StartupMigrations.class));
	}

	@Test
	void backsOffWhenDisabled() {
		TestDatabase db = TestPostgres.newDatabase("disabled");
		on(this.contextRunner, db).withPropertyValues("migrator.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class));
		assertThat(Sql.tableExists(db, "widgets")).isFalse();
	}

	@Test
	void backsOffWithoutPostgresDriver() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withUserConfiguration(AnyDataSource.class)
			.withClassLoader(new FilteredClassLoader("org.postgresql"))
			.run((context) -> assertThat(context).hasNotFailed().hasBean("dataSource").doesNotHaveBean(Migrator.class));
	}

	@Test
	void migratesTheDefaultLocationAtStartup() {
		TestDatabase db = TestPostgres.newDatabase("defaults");
		on(this.contextRunner, db).run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class).hasSingleBean(StartupMigrations.class);
			assertThat(context.getBean(StartupMigrations.class).report("migrator").applied()).hasSize(2);
		});
		assertThat(Sql.rows(db, "SELECT name FROM widgets ORDER BY id")).containsExactly(List.of("sprocket"), List.of("gear"));
		assertThat(Sql.history(db)).hasSize(2);
	}

	@Test
	void sqlInitScriptsRunAfterMigrations() {
		TestDatabase db = TestPostgres.newDatabase("datasql");
		on(this.contextRunner, db)
			.withConfiguration(AutoConfigurations
				.of(org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration.class))
			.withPropertyValues("spring.sql.init.mode=always", "spring.sql.init.data-locations=classpath:sql/widget-data.sql")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(Sql.rows(db, "SELECT name FROM widgets ORDER BY id")).containsExactly(List.of("sprocket"),
				List.of("gear"), List.of("from data.sql"));
	}

	@Test
	void lazyInitializationStillMigratesAtStartup() {
		TestDatabase db = TestPostgres.newDatabase("lazy");
		on(this.contextRunner, db)
			.withInitializer((context) -> context
				.addBeanFactoryPostProcessor(new org.springframework.boot.LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(Sql.history(db)).hasSize(2);
	}

	@Test
	void lintRulesBindFromEnvironmentVariablesInEitherRelaxedForm() {
		this.contextRunner.withUserConfiguration(AnyDataSource.class)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("MIGRATOR_LINT_RULES_DROPCOLUMN", "off", "MIGRATOR_LINT_RULES_DROP_TABLE", "error",
								"MIGRATOR_MODE", "off"))))
			.run((context) -> assertThat(context.getBean(Migrator.class).settings().lint().rules())
				.containsOnly(Map.entry("drop-column", LintSettings.RuleLevel.OFF),
						Map.entry("drop-table", LintSettings.RuleLevel.ERROR)));
	}

	@Test
	void bindsEveryProperty() {
		this.contextRunner.withUserConfiguration(AnyDataSource.class)
			.withPropertyValues("migrator.mode=off", "migrator.location=file:/srv/migrations", "migrator.schema=audit",
					"migrator.table=history", "migrator.out-of-order=apply", "migrator.on-modified=warn",
					"migrator.on-unjournaled=WARN", "migrator.lock-wait-timeout=2m", "migrator.statement-lock-timeout=3s",
					"migrator.lock-retries=5", "migrator.statement-timeout=30s", "migrator.slow-migration-warning=1m",
					"migrator.client-check-interval=5s", "migrator.drop-invalid-indexes=false",
					"migrator.group-commit=false", "migrator.lint.mode=fail", "migrator.lint.rules.drop-table=off",
					"migrator.lint.large-table-rows=500", "migrator.url=jdbc:postgresql://db.example:5432/app",
					"migrator.username=ddl", "migrator.password=secret")
			.run((context) -> {
				MigratorProperties properties = context.getBean(MigratorProperties.class);
				assertThat(properties.getMode()).isEqualTo(MigratorProperties.Mode.OFF);
				assertThat(properties.getUrl()).isEqualTo("jdbc:postgresql://db.example:5432/app");
				assertThat(properties.getUsername()).isEqualTo("ddl");
				assertThat(properties.getPassword()).isEqualTo("secret");
				MigratorSettings settings = context.getBean(Migrator.class).settings();
				assertThat(settings).isEqualTo(new MigratorSettings("file:/srv/migrations", "audit", "history",
						new Policy(Policy.OutOfOrder.APPLY, Policy.OnProblem.WARN, Policy.OnUnjournaled.WARN),
						Duration.ofMinutes(2), Duration.ofSeconds(3), 5, Duration.ofSeconds(30), Duration.ofMinutes(1),
						Duration.ofSeconds(5), false, false,
						new LintSettings(LintSettings.Mode.FAIL, Map.of("drop-table", LintSettings.RuleLevel.OFF), 500)));
			});
	}

	@Test
	void unprefixedLocationIsOnTheClasspath() {
		TestDatabase db = TestPostgres.newDatabase("unprefixed");
		on(this.contextRunner, db).withPropertyValues("migrator.location=db/migrations").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).settings().location()).isEqualTo("classpath:db/migrations");
		});
		assertThat(Sql.history(db)).hasSize(2);
	}

	@Test
	void defaultsComeFromTheEngine() {
		this.contextRunner.withUserConfiguration(AnyDataSource.class)
			.withPropertyValues("migrator.mode=off")
			.run((context) -> assertThat(context.getBean(Migrator.class).settings())
				.isEqualTo(MigratorSettings.defaults("classpath:db/migrations")));
	}

	@Test
	void rejectsUnknownModeNamingTheProperty() {
		this.contextRunner.withUserConfiguration(AnyDataSource.class)
			.withPropertyValues("migrator.mode=sometimes")
			.run((context) -> assertThat(context).getFailure()
				.satisfies((failure) -> assertThat(messages(failure))
					.contains("Failed to bind properties under 'migrator.mode'")
					.contains("for value [sometimes]")));
	}

	@Test
	void rejectsTableThatIsNotAPlainIdentifierNamingTheProperty() {
		this.contextRunner.withUserConfiguration(AnyDataSource.class)
			.withPropertyValues("migrator.table=x;drop table y")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessage("Property migrator.table with value 'x;drop table y' is invalid: it must be a plain SQL"
						+ " identifier: 1 to 63 letters, digits, '_' or '$', not starting with a digit"));
	}

	@Test
	void rejectsNegativeRetriesNamingTheProperty() {
		this.contextRunner.withUserConfiguration(AnyDataSource.class)
			.withPropertyValues("migrator.lock-retries=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Property migrator.lock-retries with value '-1' is invalid"));
	}

	private static String messages(Throwable failure) {
		StringBuilder all = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			all.append(t.getMessage()).append('\n');
		}
		return all.toString();
	}

	@Test
	void validateModeFailsOnPendingAndAppliesNothing() {
		TestDatabase db = TestPostgres.newDatabase("validate");
		on(this.contextRunner, db).withPropertyValues("migrator.mode=validate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().hasMessageContaining("0000_widgets is not applied");
		});
		assertThat(Sql.tableExists(db, "widgets")).isFalse();
		on(this.contextRunner, db).run((context) -> assertThat(context).hasNotFailed());
		on(this.contextRunner, db).withPropertyValues("migrator.mode=validate")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void offModeAppliesNothing() {
		TestDatabase db = TestPostgres.newDatabase("off");
		on(this.contextRunner, db).withPropertyValues("migrator.mode=off")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(Migrator.class));
		assertThat(Sql.tableExists(db, "widgets")).isFalse();
		assertThat(Sql.value(db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

	@Test
	void migratorUsernameRunsMigrationsAsThatRole() {
		TestDatabase db = TestPostgres.newDatabase("role");
		String database = db.url().substring(db.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		String role = "ddl_" + database.substring(database.length() - 8);
		Sql.execute(db, "CREATE ROLE " + role + " LOGIN PASSWORD 'ddl-secret'",
				"GRANT CREATE ON DATABASE \"" + database + "\" TO " + role, "GRANT CREATE ON SCHEMA public TO " + role);
		on(this.contextRunner, db).withPropertyValues("migrator.username=" + role, "migrator.password=ddl-secret")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(Sql.value(db, "SELECT tableowner FROM pg_tables WHERE tablename = 'widgets'")).isEqualTo(role);
		assertThat(Sql.value(db, "SELECT tableowner FROM pg_tables WHERE tablename = '__drizzle_migrations'"))
			.isEqualTo(role);
	}

	@Test
	void migratorUrlWorksWithoutAnyDataSource() {
		TestDatabase db = TestPostgres.newDatabase("url");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withPropertyValues("migrator.url=" + db.url(), "migrator.username=" + db.username(),
					"migrator.password=" + db.password())
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(Migrator.class));
		assertThat(Sql.tableExists(db, "widgets")).isTrue();
	}

	@Test
	void migratorDataSourceQualifierPicksTheMigrationDataSource() {
		TestDatabase app = TestPostgres.newDatabase("app");
		TestDatabase other = TestPostgres.newDatabase("other");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withBean("appDataSource", DataSource.class, app::dataSource, (bd) -> bd.setPrimary(true))
			.withBean("migrationDataSource", DataSource.class, other::dataSource,
					(bd) -> ((org.springframework.beans.factory.support.AbstractBeanDefinition) bd)
						.addQualifier(new org.springframework.beans.factory.support.AutowireCandidateQualifier(MigratorDataSource.class)))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(Sql.tableExists(other, "widgets")).isTrue();
		assertThat(Sql.tableExists(app, "widgets")).isFalse();
	}

	@Test
	void migratorUsernameMigratesTheDatabaseOfTheChosenDataSourceAsThatRole() {
		TestDatabase app = TestPostgres.newDatabase("uapp");
		TestDatabase other = TestPostgres.newDatabase("uother");
		String database = other.url().substring(other.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		String role = "ddl_" + database.substring(database.length() - 8);
		Sql.execute(other, "CREATE ROLE " + role + " LOGIN PASSWORD 'ddl-secret'",
				"GRANT CREATE ON DATABASE \"" + database + "\" TO " + role, "GRANT CREATE ON SCHEMA public TO " + role);
		// application-defined DataSources (no spring.datasource.url): the @MigratorDataSource one is migrated
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withBean("appDataSource", DataSource.class, app::dataSource, (bd) -> bd.setPrimary(true))
			.withBean("migrationDataSource", DataSource.class, other::dataSource,
					(bd) -> ((org.springframework.beans.factory.support.AbstractBeanDefinition) bd)
						.addQualifier(new org.springframework.beans.factory.support.AutowireCandidateQualifier(MigratorDataSource.class)))
			.withPropertyValues("migrator.username=" + role, "migrator.password=ddl-secret")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(Sql.value(other, "SELECT tableowner FROM pg_tables WHERE tablename = 'widgets'")).isEqualTo(role);
		assertThat(Sql.tableExists(app, "widgets")).isFalse();
	}

	@Test
	void beansUsingTheDatabaseAreCreatedAfterMigrations() {
		TestDatabase db = TestPostgres.newDatabase("ordering");
		on(new ApplicationContextRunner(), db)
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
					JdbcClientAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
					MigratorAutoConfiguration.class))
			.withUserConfiguration(WidgetReaders.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(WidgetReaders.class).counts).containsExactly(2L, 2L, 2L);
			});
	}

	@Test
	void applicationMigratorForASecondDataSourceRunsBesideTheAutoConfiguredOne() {
		TestDatabase app = TestPostgres.newDatabase("primary");
		TestDatabase audit = TestPostgres.newDatabase("audit");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withBean("dataSource", DataSource.class, app::dataSource, (bd) -> bd.setPrimary(true))
			.withBean("auditDataSource", DataSource.class, audit::dataSource)
			.withUserConfiguration(AuditMigrator.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(Migrator.class)).containsOnlyKeys("auditMigrator", "migrator");
				StartupMigrations startup = context.getBean(StartupMigrations.class);
				assertThat(startup.report("migrator").applied()).hasSize(2);
				assertThat(startup.report("auditMigrator").applied()).hasSize(1);
			});
		assertThat(Sql.history(app)).hasSize(2);
		assertThat(Sql.history(audit)).hasSize(1);
		assertThat(Sql.tableExists(audit, "audit_events")).isTrue();
		assertThat(Sql.tableExists(audit, "widgets")).isFalse();
		assertThat(Sql.tableExists(app, "audit_events")).isFalse();
	}

	@Test
	void applicationMigratorInitializerRunsOnlyItsMigratorInItsOwnMode() {
		TestDatabase app = TestPostgres.newDatabase("primary");
		TestDatabase audit = TestPostgres.newDatabase("audit");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withBean("dataSource", DataSource.class, app::dataSource, (bd) -> bd.setPrimary(true))
			.withBean("auditDataSource", DataSource.class, audit::dataSource)
			.withUserConfiguration(AuditMigrator.class, AuditMigratorOff.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(StartupMigrations.class).report("auditMigrator")).isNull();
			});
		assertThat(Sql.history(app)).hasSize(2);
		assertThat(Sql.value(audit, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

	@Test
	void applicationMigratorOnTheSameDataSourceReplacesTheAutoConfiguredOne() {
		TestDatabase db = TestPostgres.newDatabase("own");
		on(this.contextRunner, db).withUserConfiguration(OwnMigrator.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(Migrator.class)).containsOnlyKeys("ownMigrator");
			assertThat(context.getBean(Migrator.class)).isSameAs(context.getBean("ownMigrator"));
		});
		assertThat(Sql.rows(db, "SELECT count(*) FROM own.history")).containsExactly(List.of("2"));
		assertThat(Sql.value(db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

	@Test
	void severalDataSourcesEachWithItsOwnMigratorNeedNoChoice() {
		TestDatabase first = TestPostgres.newDatabase("first");
		TestDatabase audit = TestPostgres.newDatabase("audit");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withBean("firstDataSource", DataSource.class, first::dataSource)
			.withBean("auditDataSource", DataSource.class, audit::dataSource)
			.withUserConfiguration(FirstMigrator.class, AuditMigrator.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(Migrator.class)).containsOnlyKeys("firstMigrator", "auditMigrator");
			});
		assertThat(Sql.history(first)).hasSize(2);
		assertThat(Sql.history(audit)).hasSize(1);
	}

	@Test
	void severalDataSourcesWithoutAChoiceFailNamingThoseWithoutAMigrator() {
		TestDatabase first = TestPostgres.newDatabase("first");
		TestDatabase audit = TestPostgres.newDatabase("audit");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withBean("firstDataSource", DataSource.class, first::dataSource)
			.withBean("auditDataSource", DataSource.class, audit::dataSource)
			.withUserConfiguration(AuditMigrator.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MigratorConfigurationException.class)
				.hasMessageContaining("several DataSource beans [firstDataSource, auditDataSource]")
				.hasMessageEndingWith("no Migrator bean migrates [firstDataSource]"));
		assertThat(Sql.value(first, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
		assertThat(Sql.value(audit, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

	@Test
	void applicationMigratorRunsAtStartupWithoutAnyDataSourceBean() {
		TestDatabase audit = TestPostgres.newDatabase("audit");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withBean("auditMigrator", Migrator.class,
					() -> new Migrator(audit.dataSource(), MigratorSettings.defaults("classpath:db/audit"),
							MigratorAutoConfigurationTests.class.getClassLoader()))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(StartupMigrations.class));
		assertThat(Sql.history(audit)).hasSize(1);
	}

	/** The application's migrator of its audit database, next to the auto-configured one. */
	@Configuration(proxyBeanMethods = false)
	static class AuditMigrator {

		@Bean
		Migrator auditMigrator(@Qualifier("auditDataSource") DataSource auditDataSource) {
			return new Migrator(auditDataSource, MigratorSettings.defaults("classpath:db/audit"),
					getClass().getClassLoader());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AuditMigratorOff {

		@Bean
		MigratorInitializer auditMigratorInitializer(@Qualifier("auditMigrator") Migrator auditMigrator) {
			return new MigratorInitializer(auditMigrator, MigratorProperties.Mode.OFF);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FirstMigrator {

		@Bean
		Migrator firstMigrator(@Qualifier("firstDataSource") DataSource firstDataSource) {
			return new Migrator(firstDataSource, MigratorSettings.defaults("classpath:db/migrations"),
					getClass().getClassLoader());
		}

	}

	/** The application's own migrator of its only DataSource, with another history table. */
	@Configuration(proxyBeanMethods = false)
	static class OwnMigrator {

		@Bean
		Migrator ownMigrator(DataSource dataSource) {
			return new Migrator(dataSource,
					MigratorSettings.defaults("classpath:db/migrations").withHistoryTable("own", "history"),
					getClass().getClassLoader());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnyDataSource {

		@Bean
		DataSource dataSource() {
			org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
			dataSource.setUrl("jdbc:postgresql://127.0.0.1:1/none");
			return dataSource;
		}

	}

	/** Each bean counts the migrated rows as soon as it is created, through a different API. */
	@Configuration(proxyBeanMethods = false)
	static class WidgetReaders {

		final List<Long> counts = new java.util.ArrayList<>();

		@Bean
		Object readsWithJdbcTemplate(JdbcTemplate jdbcTemplate) {
			this.counts.add(jdbcTemplate.queryForObject("SELECT count(*) FROM widgets", Long.class));
			return new Object();
		}

		@Bean
		Object readsWithJdbcClient(JdbcClient jdbcClient) {
			this.counts.add(jdbcClient.sql("SELECT count(*) FROM widgets").query(Long.class).single());
			return new Object();
		}

		@Bean
		Object readsWithJpa(EntityManagerFactory entityManagerFactory) {
			var entityManager = entityManagerFactory.createEntityManager();
			try {
				this.counts.add(((Number) entityManager.createNativeQuery("SELECT count(*) FROM widgets").getSingleResult())
					.longValue());
			}
			finally {
				entityManager.close();
			}
			return new Object();
		}

	}

}
