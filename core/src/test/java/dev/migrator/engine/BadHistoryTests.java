package dev.migrator.engine;

import java.nio.file.Path;
import java.util.UUID;

import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static dev.migrator.engine.BadInput.entry;
import static dev.migrator.testsupport.MigrationsFolder.FIRST_WHEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The bad-input catalogue, history part: a history table that is no Drizzle history table, rows Drizzle never
 * writes, and a table the migration user may not read stop the run naming the table (and row), with a pending
 * migration left unapplied and nothing written ({@link BadInput}).
 */
class BadHistoryTests {

	private static final String HISTORY = "drizzle.__drizzle_migrations";

	@TempDir
	Path dir;

	private BadInput bad;

	@BeforeEach
	void oneMigrationAppliedAndOnePending() {
		this.bad = BadInput.applied(this.dir).journal(entry(1, FIRST_WHEN + 1000, "0001_next"));
		this.bad.folder.writeFile("0001_next.sql", "CREATE TABLE never (id int);");
	}

	private BadInput after(String... statements) {
		Sql.execute(this.bad.db, statements);
		return this.bad.settled();
	}

	@Test
	void historyTableWithoutAHashColumn() {
		MigratorException error = after("ALTER TABLE " + HISTORY + " RENAME COLUMN hash TO checksum")
			.refused(MigratorException.class);
		assertThat(error).hasMessage(HISTORY + " exists but is not a Drizzle history table (id serial, hash text NOT"
				+ " NULL, created_at bigint): column \"hash\" does not exist; nothing was applied");
		assertThat(error.action()).startsWith("Point migrator.schema and migrator.table at the history table");
	}

	@Test
	void historyTableWithColumnsOfOtherTypes() {
		assertThat(after("ALTER TABLE " + HISTORY + " ALTER COLUMN created_at TYPE text",
				"ALTER TABLE " + HISTORY + " ALTER COLUMN hash TYPE bytea USING hash::bytea")
			.refused(MigratorException.class)).hasMessageContaining(
					"is not a Drizzle history table (id serial, hash text NOT NULL, created_at bigint): column hash is"
							+ " bytea, not text, column created_at is text, not bigint");
	}

	@Test
	void historyRowWithoutAHash() {
		assertThat(after("ALTER TABLE " + HISTORY + " ALTER COLUMN hash DROP NOT NULL", "UPDATE " + HISTORY
				+ " SET hash = NULL").refused(ValidationException.class))
			.hasMessageContaining("History row id 1 of " + HISTORY + " has no hash (NULL), which Drizzle never writes");
	}

	@Test
	void historyRowWithoutCreatedAt() {
		assertThat(after("UPDATE " + HISTORY + " SET created_at = NULL").refused(ValidationException.class))
			.hasMessageContaining("History row id 1 of " + HISTORY + " has no created_at (NULL): it names no migration,"
					+ " and drizzle-orm's runner would take it for the newest one and run every migration again");
	}

	@Test
	void historyTableOfAnotherRoleThatTheMigrationUserMayNotRead() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String owner = "owner_" + suffix;
		String runner = "runner_" + suffix;
		after("CREATE ROLE " + owner, "CREATE ROLE " + runner + " LOGIN PASSWORD 'runner'",
				"ALTER SCHEMA drizzle OWNER TO " + owner, "ALTER TABLE " + HISTORY + " OWNER TO " + owner,
				"GRANT USAGE ON SCHEMA drizzle TO " + runner, "GRANT CREATE ON SCHEMA public TO " + runner);
		PGSimpleDataSource asRunner = this.bad.db.dataSource();
		asRunner.setUser(runner);
		asRunner.setPassword("runner");
		MigratorSettings settings = MigratorSettings.defaults(this.bad.folder.location());
		MigratorException error = this.bad.refused(MigratorException.class, settings, asRunner);
		assertThat(error).hasMessage("Could not migrate " + HISTORY + ": ERROR: permission denied for table"
				+ " __drizzle_migrations [SQLSTATE 42501]");
		assertThat(error.action()).contains("the migration user may use the history schema");
		assertThat(catchThrowable(() -> Sql.value(this.bad.db, "SELECT count(*) FROM never"))).isNotNull();
	}

}
