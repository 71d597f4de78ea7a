package dev.migrator.test;

import dev.migrator.autoconfigure.MigratorProperties;
import dev.migrator.autoconfigure.MigratorSettingsCustomizer;
import dev.migrator.engine.MigratorSettings;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The fresh database of one test context ({@link WithMigratedDatabase}): created from the template when the
 * DataSource first asks for its URL, dropped when the context closes. A bean named {@value #BEAN_NAME}, so a test can
 * ask which database it has.
 */
public final class SpringTestDatabase implements DisposableBean {

	/** The bean's name. */
	public static final String BEAN_NAME = "migratorTestDatabase";

	private final ConfigurableApplicationContext context;

	private MigratedDatabase database;

	SpringTestDatabase(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** The test's database, or {@code null} before the DataSource asked for it. */
	public synchronized MigratedDatabase database() {
		return this.database;
	}

	/** The test's database, created on the first call from the server the given details name. */
	synchronized MigratedDatabase database(JdbcConnectionDetails server) {
		if (this.database == null) {
			this.database = TemplateDatabases.create(
					PostgresServer.of(server.getJdbcUrl(), server.getUsername(), server.getPassword()), settings(),
					this.context.getClassLoader());
		}
		return this.database;
	}

	/** The settings the application's migrator is built with: {@code migrator.*}, then the customizers in order. */
	private MigratorSettings settings() {
		MigratorSettings settings = Binder.get(this.context.getEnvironment())
			.bind("migrator", MigratorProperties.class)
			.orElseGet(MigratorProperties::new)
			.toSettings();
		for (MigratorSettingsCustomizer customizer : this.context.getBeanProvider(MigratorSettingsCustomizer.class)
			.orderedStream()
			.toList()) {
			settings = customizer.customize(settings);
		}
		return settings;
	}

	@Override
	public synchronized void destroy() {
		if (this.database != null) {
			TemplateDatabases.drop(this.database);
		}
	}

}
