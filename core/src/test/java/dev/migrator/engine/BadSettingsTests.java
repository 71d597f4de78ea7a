package dev.migrator.engine;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue, settings part: a schema or table name that would carry SQL into the history table's
 * statements is refused when the settings are made, naming the property, so nothing reaches the database. (The
 * Spring properties and the command line's options are checked the same way, before the engine: see
 * MigratorAutoConfigurationTests and BadInputJarIT.)
 */
class BadSettingsTests {

	@TempDir
	Path dir;

	private BadInput bad;

	@BeforeEach
	void oneMigrationApplied() {
		this.bad = BadInput.applied(this.dir);
	}

	@Test
	void schemaNameThatWouldInjectSql() {
		String schema = "drizzle\".x; DROP TABLE kept; --";
		assertThat(this.bad.refusedBy(IllegalArgumentException.class,
				() -> MigratorSettings.defaults(this.bad.folder.location())
					.withHistoryTable(schema, "__drizzle_migrations")))
			.hasMessage("History schema '" + schema + "' is not a plain SQL identifier: use 1 to 63 letters, digits,"
					+ " '_' or '$', not starting with a digit (migrator.schema)");
	}

	@Test
	void tableNameThatWouldInjectSql() {
		String table = "t (id int); DROP TABLE kept";
		assertThat(this.bad.refusedBy(IllegalArgumentException.class, () -> new HistoryStore("drizzle", table)))
			.hasMessageContaining("History table '" + table + "' is not a plain SQL identifier")
			.hasMessageEndingWith("(migrator.table)");
		assertThat(this.bad.refusedBy(IllegalArgumentException.class,
				() -> MigratorSettings.defaults(this.bad.folder.location()).withHistoryTable("drizzle", table)))
			.hasMessageContaining("(migrator.table)");
	}

}
