package dev.migrator.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrator.engine.BadInput.entry;
import static dev.migrator.testsupport.MigrationsFolder.FIRST_WHEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue, file part: a migration file that cannot be read, is no SQL text, holds nothing, cannot be
 * split or is refused by PostgreSQL stops the run with an error naming the file (and line), and nothing is written
 * ({@link BadInput}).
 */
class BadFileTests {

	@TempDir
	Path dir;

	private BadInput bad;

	@BeforeEach
	void oneMigrationAppliedAndASecondJournaled() {
		this.bad = BadInput.applied(this.dir).journal(entry(1, FIRST_WHEN + 1000, "0001_next"));
	}

	private BadInput next(String sql) {
		this.bad.folder.writeFile("0001_next.sql", sql);
		return this.bad;
	}

	private BadInput next(byte[] bytes) {
		this.bad.folder.writeFile("0001_next.sql", bytes);
		return this.bad;
	}

	@Test
	void emptyFile() {
		assertThat(next("").refused(ValidationException.class))
			.hasMessageContaining("0001_next.sql has no statements, only blanks or comments: recorded now, it would count"
					+ " as applied, and what is written into it later would never run");
	}

	@Test
	void fileOfOnlyComments() {
		// what drizzle-kit generate --custom writes, never filled in
		assertThat(next("-- Custom SQL migration file, put your code below! --\n/* later; */\n").refused(
				ValidationException.class))
			.hasMessageContaining("0001_next.sql has no statements")
			.hasMessageContaining("fill it in, or delete it and its journal entry");
	}

	@Test
	void directoryWhereTheFileShouldBe() throws Exception {
		Files.createDirectories(this.bad.folder.path().resolve("0001_next.sql"));
		assertThat(this.bad.refused(JournalException.class))
			.hasMessageStartingWith("Cannot read 0001_next.sql in " + this.bad.folder.location() + ": ")
			.extracting(MigratorException::action).asString().contains("readable");
	}

	@Test
	void fileOfFiftyMegabytes() {
		byte[] big = new byte[50 * 1024 * 1024];
		Arrays.fill(big, (byte) ' ');
		byte[] statement = "INSERT INTO kept VALUES (1);\n".getBytes(StandardCharsets.US_ASCII);
		for (int at = 0; at + statement.length <= big.length; at += 1024) {
			System.arraycopy(statement, 0, big, at, statement.length);
		}
		assertThat(next(big).refused(JournalException.class))
			.hasMessage("0001_next.sql is 52428800 bytes, more than the 16 MiB a migration file may hold")
			.extracting(MigratorException::action).asString().startsWith("Load bulk data outside the migrations");
	}

	@Test
	void aFileOfFiftyMegabytesAppliedElsewhereIsNotRefused() {
		byte[] big = new byte[50 * 1024 * 1024];
		Arrays.fill(big, (byte) ' ');
		byte[] statement = "INSERT INTO kept VALUES (1);\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(statement, 0, big, 0, statement.length);
		next(big);
		// Drizzle's runner has no size limit: it applied the file and wrote its row
		Sql.execute(this.bad.db, "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('"
				+ Hashes.sha256(big) + "', " + (FIRST_WHEN + 1000) + ")");
		Migrator migrator = new Migrator(this.bad.db.dataSource(),
				MigratorSettings.defaults(this.bad.folder.location()), (ClassLoader) null);
		assertThat(migrator.status().count(MigrationState.APPLIED)).isEqualTo(2);
		assertThat(migrator.migrate().applied()).isEmpty();
		assertThat(migrator.migrate().alreadyApplied()).isEqualTo(2);
	}

	@Test
	void copyFromStdinWithItsRowsAsPsqlDumpsWriteThem() {
		assertThat(next("CREATE TABLE c (id int, name text);\nCOPY c (id, name) FROM stdin;\n1\tAda\n\\.\n")
			.refused(ValidationException.class))
			.hasMessageContaining("0001_next.sql statement 2 at line 2 is COPY ... FROM STDIN, which only psql runs")
			.hasMessageContaining("INSERT ... VALUES");
		assertThat(next("CREATE TABLE c (name text);\nCOPY c FROM STDIN;\nO'Brien\n\\.\n").refused(JournalException.class))
			.hasMessageContaining("is never closed (it follows the COPY ... FROM STDIN at line 2, whose rows only psql"
					+ " can send");
	}

	@Test
	void psqlMetaCommand() {
		assertThat(next("CREATE TABLE m (id int);\n\\i other.sql\nCREATE TABLE n (id int);").refused(
				ValidationException.class))
			.hasMessageContaining("0001_next.sql statement 2 at line 2 is the psql meta-command \\i, which only psql runs");
	}

	@Test
	void binaryFile() {
		byte[] noise = new byte[4096];
		new Random(13).nextBytes(noise);
		noise[0] = 'x';
		noise[1] = (byte) 0xC3; // a lead byte without its continuation byte, whatever the rest holds
		noise[2] = 'y';
		noise[3] = '\n';
		assertThat(next(noise).refused(JournalException.class)).hasMessageContaining("0001_next.sql")
			.hasMessageMatching("(?s).*(is not valid UTF-8: byte 1 \\(line 1\\) is 0xc3|holds a NUL byte).*");
	}

	@Test
	void fileSavedAsUtf16() {
		assertThat(next("CREATE TABLE never (id int);".getBytes(StandardCharsets.UTF_16LE)).refused(JournalException.class))
			.hasMessage("0001_next.sql holds a NUL byte at byte 1 (line 1), which no SQL text may hold: it is not a text"
					+ " file, or it was saved as UTF-16")
			.extracting(MigratorException::action).asString().isEqualTo(
					"Save 0001_next.sql as UTF-8 text (PostgreSQL and Drizzle read migrations as UTF-8).");
	}

	@Test
	void invalidUtf8() {
		byte[] latin1 = "CREATE TABLE never (id int);\n-- café\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(next(latin1).refused(JournalException.class))
			.hasMessage("0001_next.sql is not valid UTF-8: byte 35 (line 2) is 0xe9");
	}

	@Test
	void unclosedString() {
		assertThat(next("CREATE TABLE never (id int);\nINSERT INTO never VALUES ('it''s);").refused(JournalException.class))
			.hasMessage("0001_next.sql: the string opened at line 2:27 is never closed");
	}

	@Test
	void unclosedBlockComment() {
		assertThat(next("CREATE TABLE never (id int); /* one /* two */ still open;").refused(JournalException.class))
			.hasMessage("0001_next.sql: the block comment opened at line 1:30 is never closed");
	}

	@Test
	void unclosedDollarBody() {
		assertThat(next("DO $body$ BEGIN\n  CREATE TABLE never (id int);\nEND $$;").refused(JournalException.class))
			.hasMessage("0001_next.sql: the dollar-quoted body $body$ opened at line 1:4 is never closed");
	}

	@Test
	void statementPostgresqlRejects() {
		MigrationFailedException error = next("CREATE TABLE never (id int);\nCREATE TABLE broken (id nosuchtype);")
			.refused(MigrationFailedException.class);
		assertThat(error).hasMessageStartingWith("Migration 0001_next failed at statement 2 of 2 (line 2:1 of"
				+ " 0001_next.sql, error at 2:25): ERROR: type \"nosuchtype\" does not exist")
			.hasMessageContaining("[SQLSTATE 42704]. Nothing of 0001_next was kept");
		assertThat(error.action())
			.isEqualTo("Fix 0001_next.sql (it was not applied, so editing it is safe) and start again.");
	}

}
