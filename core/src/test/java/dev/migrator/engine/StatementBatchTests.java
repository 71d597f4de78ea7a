package dev.migrator.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.jdbc.PreferQueryMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A transaction's statements that return no rows travel to the server together ({@link StatementBatch}); what a
 * user sees stays as if each went alone: which statement failed and where, what was kept, every row of a
 * {@code SELECT}. On a real PostgreSQL, in pgjdbc's extended (default) and simple query modes.
 */
class StatementBatchTests {

	@TempDir
	Path dir;

	private TestDatabase db;

	@BeforeEach
	void freshDatabase() {
		this.db = TestPostgres.newDatabase("batch");
	}

	private Migrator migrator(MigrationsFolder folder, PreferQueryMode mode) {
		PGSimpleDataSource dataSource = this.db.dataSource();
		dataSource.setPreferQueryMode(mode);
		return new Migrator(dataSource, MigratorSettings.defaults(folder.location()), (ClassLoader) null);
	}

	@ParameterizedTest
	@EnumSource(value = PreferQueryMode.class, names = { "EXTENDED", "SIMPLE" })
	void aFailureAmongStatementsSentTogetherNamesItsStatementLineAndPosition(PreferQueryMode mode) {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_base", "CREATE TABLE base (id int);")
			.add("0001_four", """
					CREATE TABLE a (id int);
					--> statement-breakpoint
					INSERT INTO base VALUES (1);
					--> statement-breakpoint
					CREATE TABLE c (id int,, x int);
					--> statement-breakpoint
					CREATE TABLE d (id int);
					""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(folder, mode).migrate())
			.withMessageContaining("0001_four failed at statement 3 of 4 (line 5:1 of 0001_four.sql, error at 5:24)")
			.withMessageContaining("syntax error at or near \",\"")
			.withMessageNotContaining("Batch entry")
			.withMessageContaining("[SQLSTATE 42601]")
			.withMessageContaining("Nothing of 0001_four was kept");
		assertThat(Sql.tableExists(this.db, "a")).isFalse();
		assertThat(Sql.value(this.db, "SELECT count(*) FROM base")).isEqualTo("0");
		assertThat(Sql.history(this.db)).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(value = PreferQueryMode.class, names = { "EXTENDED", "SIMPLE" })
	void aSelectRunsForEveryRowAndAStatementReturningRowsRunsWhole(PreferQueryMode mode) {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_calls", """
				CREATE TABLE calls (n int);
				--> statement-breakpoint
				CREATE FUNCTION log_call(n int) RETURNS int LANGUAGE sql AS 'INSERT INTO calls VALUES (n) RETURNING n';
				--> statement-breakpoint
				SELECT log_call(g) FROM generate_series(1, 10) g;
				--> statement-breakpoint
				INSERT INTO calls SELECT g FROM generate_series(11, 15) g RETURNING n;
				--> statement-breakpoint
				WITH moved AS (UPDATE calls SET n = n + 100 WHERE n > 10 RETURNING n) SELECT count(*) FROM moved;
				--> statement-breakpoint
				CREATE TABLE after_them AS SELECT count(*) AS c FROM calls;
				""");
		migrator(folder, mode).migrate();
		assertThat(Sql.value(this.db, "SELECT count(*) FROM calls WHERE n <= 10")).isEqualTo("10");
		assertThat(Sql.value(this.db, "SELECT count(*) FROM calls WHERE n > 110")).isEqualTo("5");
		assertThat(Sql.value(this.db, "SELECT c FROM after_them")).isEqualTo("15");
		assertThat(Sql.history(this.db)).hasSize(1);
	}

	@Test
	void aConnectionThatBreaksWhileStatementsRunTogetherIsReportedAndKeepsNothing() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_base", "CREATE TABLE base (id int);");
		migrator(folder, PreferQueryMode.EXTENDED).migrate();
		folder.add("0001_dies", """
					CREATE TABLE a (id int);
					--> statement-breakpoint
					DO $$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); END $$;
					--> statement-breakpoint
					CREATE TABLE b (id int);
					""");
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(folder, PreferQueryMode.EXTENDED).migrate())
			// pgjdbc names the entry that was running; under -ea (as here) its assertion that the connection is still
			// open hides that, and the statements sent together are named
			.satisfies((ex) -> assertThat(ex.getMessage()).containsAnyOf("0001_dies failed at statement 2 of 3",
					"0001_dies failed at one of statements 1-3 of 3 or after them (lines 1-5 of 0001_dies.sql; the"
							+ " connection broke before the server said how far it had come)"))
			.withMessageNotContaining("Batch entry")
			.satisfies((ex) -> assertThat(ex.action()).contains("The connection to the database broke during 0001_dies"));
		assertThat(Sql.tableExists(this.db, "a")).isFalse();
		assertThat(Sql.tableExists(this.db, "b")).isFalse();
		assertThat(Sql.history(this.db)).hasSize(1);
	}

	@Test
	void theHistoryRowsValuesAreWrittenSoTheyReadBackTheSameWhateverStandardConformingStringsSays() throws Exception {
		List<String> values = List.of("plain", "it's", "back\\slash", "both\\'\\\\''", "ünïcödé $$ $tag$ --");
		try (Connection connection = this.db.connect(); Statement statement = connection.createStatement()) {
			for (String conforming : List.of("on", "off")) {
				statement.execute("SET standard_conforming_strings = " + conforming);
				for (String value : values) {
					try (ResultSet rs = statement.executeQuery("SELECT " + HistoryStore.literal(value))) {
						rs.next();
						assertThat(rs.getString(1)).as("standard_conforming_strings=%s", conforming).isEqualTo(value);
					}
				}
			}
		}
	}

}
