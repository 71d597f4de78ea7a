package dev.migrator.bench;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** Flyway with its defaults (one transaction per migration) on a folder of {@code V<n>__name.sql} files. */
final class FlywayTool implements JavaTool {

	@Override
	public Session open(DataSource dataSource, Path input) {
		Flyway flyway = Flyway.configure().dataSource(dataSource).locations("filesystem:" + input).load();
		return flyway::migrate;
	}

}
