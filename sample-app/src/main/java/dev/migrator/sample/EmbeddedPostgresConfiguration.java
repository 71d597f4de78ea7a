package dev.migrator.sample;

import java.nio.file.Path;

import dev.migrator.embedded.EmbeddedPostgres;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Zero-setup database: when {@code spring.datasource.url} is not set, starts an embedded PostgreSQL whose data
 * lives in {@code sample.postgres.data-dir} (default {@code <java.io.tmpdir>/migrator-sample/postgres}, so a restart
 * sees what was applied before) and points the DataSource at its {@code portfolio} database through
 * {@link JdbcConnectionDetails}. The server stops when the context closes, after the DataSource. With
 * {@code spring.datasource.url} set, or connection details from elsewhere (a Testcontainers {@code @ServiceConnection},
 * Docker Compose), nothing is started.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

	private static final String DATABASE = "portfolio";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Environment environment) {
		Path dataDir = Path.of(environment.getProperty("sample.postgres.data-dir",
				Path.of(System.getProperty("java.io.tmpdir"), "migrator-sample", "postgres").toString()));
		EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir);
		postgres.createDatabaseIfMissing(DATABASE);
		return postgres;
	}

	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return postgres.jdbcUrl(DATABASE);
			}

			@Override
			public String getUsername() {
				return postgres.superuser();
			}

			@Override
			public String getPassword() {
				return "";
			}

		};
	}

	/**
	 * Neither {@code spring.datasource.url} nor connection details that were registered before the application's
	 * configuration was read, as {@code @ServiceConnection} and Docker Compose register theirs.
	 */
	static class NoDataSourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("spring.datasource.url") && (context.getBeanFactory() == null
					|| context.getBeanFactory().getBeanNamesForType(JdbcConnectionDetails.class, true, false).length == 0);
		}

	}

}
