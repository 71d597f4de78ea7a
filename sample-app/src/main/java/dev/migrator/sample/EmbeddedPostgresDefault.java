package dev.migrator.sample;

import java.nio.file.Path;
import java.util.Map;

import dev.migrator.embedded.EmbeddedPostgres;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Zero-setup database: when {@code spring.datasource.url} is not set, starts an embedded PostgreSQL whose data
 * lives in {@code sample.postgres.data-dir} (default {@code <java.io.tmpdir>/migrator-sample/postgres}, so a restart
 * sees what was applied before), points the DataSource at its {@code portfolio} database, and stops it when the
 * context closes. With {@code spring.datasource.url} set it starts nothing.
 */
public class EmbeddedPostgresDefault implements ApplicationListener<ApplicationEvent> {

	static final String DATA_DIR = "sample.postgres.data-dir";

	private static final String DATABASE = "portfolio";

	private EmbeddedPostgres postgres;

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			start(prepared.getEnvironment());
		}
		else if (event instanceof ContextClosedEvent && this.postgres != null) {
			this.postgres.close();
			this.postgres = null;
		}
	}

	private void start(ConfigurableEnvironment environment) {
		if (environment.containsProperty("spring.datasource.url") || this.postgres != null) {
			return;
		}
		Path dataDir = Path.of(environment.getProperty(DATA_DIR,
				Path.of(System.getProperty("java.io.tmpdir"), "migrator-sample", "postgres").toString()));
		this.postgres = EmbeddedPostgres.start(dataDir);
		this.postgres.createDatabaseIfMissing(DATABASE);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres",
					Map.of("spring.datasource.url", this.postgres.jdbcUrl(DATABASE), "spring.datasource.username",
							this.postgres.superuser(), "spring.datasource.password", "")));
	}

}
