package dev.migrator.bench;

import java.nio.file.Path;

import javax.sql.DataSource;

import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;

/** Migrator's engine, with its defaults, on a Drizzle journal folder. */
final class MigratorTool implements JavaTool {

	private final boolean statusOnly;

	MigratorTool(boolean statusOnly) {
		this.statusOnly = statusOnly;
	}

	@Override
	public Session open(DataSource dataSource, Path input) {
		Migrator migrator = new Migrator(dataSource, MigratorSettings.defaults("file:" + input), (ClassLoader) null);
		return this.statusOnly ? migrator::status : migrator::migrate;
	}

}
