package dev.migrator.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The up-to-date check's one-row digest of the history ({@link HistoryDigest}): it says "up to date" for exactly the
 * rows the journal's migrations write, and for any other history the run reads the rows and the planner decides, so
 * what a run reports is what it reported before the digest existed.
 */
class HistoryDigestTests {

	private static final String HISTORY = "drizzle.__drizzle_migrations";

	@TempDir
	Path dir;

	private TestDatabase db;

	private MigrationsFolder folder;

	@BeforeEach
	void threeMigrationsApplied() {
		this.db = TestPostgres.newDatabase("digest");
		this.folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.add("0001_b", "CREATE TABLE b (id int);")
			.add("0002_c", "CREATE TABLE c (id int);");
		assertThat(migrator().migrate().applied()).hasSize(3);
	}

	private Migrator migrator() {
		return migrator(Policy.STRICT);
	}

	private Migrator migrator(Policy policy) {
		return new Migrator(this.db.dataSource(), MigratorSettings.defaults(this.folder.location()).withPolicy(policy),
				getClass().getClassLoader());
	}

	/**
	 * A run on a history the digest does not match, which the planner finds up to date.
	 * @return its report, for the warnings
	 */
	private MigrationReport upToDateByThePlanner(Migrator migrator, int applied) throws SQLException {
		assertThat(digestMatches(migrator)).isFalse();
		MigrationReport report = migrator.migrate();
		assertThat(report.applied()).isEmpty();
		assertThat(report.alreadyApplied()).isEqualTo(applied);
		return report;
	}

	private boolean digestMatches(Migrator migrator) throws SQLException {
		try (Connection connection = this.db.dataSource().getConnection()) {
			HistoryDigest digest = new HistoryStore("drizzle", "__drizzle_migrations").digest(connection);
			return digest.matches(migrator.journal());
		}
	}

	@Test
	void historyWrittenByTheRunMatchesAndTheCheckReportsEveryMigrationApplied() throws SQLException {
		this.folder.writeFile("0001_b_old.sql", "CREATE TABLE b_old (id int);");
		Migrator migrator = migrator(Policy.DEFAULT);
		assertThat(digestMatches(migrator)).isTrue();
		MigrationReport report = migrator.migrate();
		assertThat(report.applied()).isEmpty();
		assertThat(report.alreadyApplied()).isEqualTo(3);
		// the journal's own warnings are reported as before: a leftover file under the default policy
		assertThat(report.warnings()).singleElement().asString().startsWith("0001_b_old.sql is in ");
	}

	@Test
	void emptyTableAndMissingTable() throws SQLException {
		Sql.execute(this.db, "DELETE FROM " + HISTORY);
		assertThat(digestMatches(migrator())).isFalse();
		Sql.execute(this.db, "DROP TABLE a, b, c", "DROP TABLE " + HISTORY);
		try (Connection connection = this.db.dataSource().getConnection()) {
			assertThat(new HistoryStore("drizzle", "__drizzle_migrations").digest(connection)).isNull();
		}
		assertThat(migrator().migrate().applied()).hasSize(3);
	}

	@Test
	void editedFileIsStillReportedAsModified() throws SQLException {
		this.folder.writeFile("0001_b.sql", "CREATE TABLE b (id bigint);");
		assertThat(digestMatches(migrator())).isFalse();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("0001_b.sql changed after it was applied");
	}

	@Test
	void rowNoEntryMatchesIsStillReportedAsUnknown() throws SQLException {
		Sql.execute(this.db, "INSERT INTO " + HISTORY + " (hash, created_at) VALUES ('abc', 42)");
		MigrationReport report = upToDateByThePlanner(migrator(), 3);
		assertThat(report.warnings()).singleElement().asString()
			.contains("(created_at 42) matches no journal entry");
	}

	@Test
	void rowsInAnotherOrderAreMatchedByThePlanner() throws SQLException {
		// rows written out of journal order (as out-of-order=apply writes them): the same rows, other ids
		Sql.execute(this.db, "UPDATE " + HISTORY + " SET id = 100 WHERE id = 1");
		MigrationReport report = upToDateByThePlanner(migrator(), 3);
		assertThat(report.warnings()).isEmpty();
	}

	@Test
	void rowWithoutAHashBesideTheAppliedOnesIsStillAProblem() throws SQLException {
		Sql.execute(this.db, "ALTER TABLE " + HISTORY + " ALTER COLUMN hash DROP NOT NULL",
				"INSERT INTO " + HISTORY + " (hash, created_at) VALUES (NULL, 7)");
		assertThat(digestMatches(migrator())).isFalse();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("has no hash (NULL)");
	}

	@Test
	void valueHoldingTwoRowsLinesDoesNotPassForThem() throws SQLException {
		// the last two rows written as one row whose hash holds both lines, and a row of NULLs to keep the count:
		// without the lengths in each line, the joined text would be the journal's
		List<Migration> migrations = migrator().journal().migrations();
		Migration b = migrations.get(1);
		Migration c = migrations.get(2);
		String twoLines = b.hash() + ":" + b.entry().when() + "\n" + c.hash();
		Sql.execute(this.db, "ALTER TABLE " + HISTORY + " ALTER COLUMN hash DROP NOT NULL",
				"DELETE FROM " + HISTORY + " WHERE id > 1",
				"INSERT INTO " + HISTORY + " (id, hash, created_at) VALUES (2, E'" + twoLines.replace("\n", "\\n") + "', "
						+ c.entry().when() + "), (3, NULL, NULL)");
		assertThat(Sql.value(this.db, "SELECT string_agg(hash || ':' || created_at, E'\\n' ORDER BY id) FROM " + HISTORY))
			.isEqualTo(migrations.stream()
				.map((migration) -> migration.hash() + ":" + migration.entry().when())
				.collect(java.util.stream.Collectors.joining("\n")));
		assertThat(digestMatches(migrator())).isFalse();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("has no hash (NULL)");
	}

	@Test
	void upToDateRunReadsNoRow() throws SQLException {
		// a user who may read the columns the digest covers but not applied_at: the check that ends on the digest
		// succeeds, and status(), which reads every row, is refused
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String runner = "digest_" + suffix;
		Sql.execute(this.db, "CREATE ROLE " + runner + " LOGIN PASSWORD 'runner'",
				"GRANT USAGE ON SCHEMA drizzle TO " + runner,
				"GRANT SELECT (id, hash, created_at) ON " + HISTORY + " TO " + runner);
		PGSimpleDataSource asRunner = this.db.dataSource();
		asRunner.setUser(runner);
		asRunner.setPassword("runner");
		Migrator migrator = new Migrator(asRunner, MigratorSettings.defaults(this.folder.location()),
				getClass().getClassLoader());
		MigrationReport report = migrator.migrate();
		assertThat(report.applied()).isEmpty();
		assertThat(report.alreadyApplied()).isEqualTo(3);
		assertThatExceptionOfType(MigratorException.class).isThrownBy(migrator::status)
			.withMessageContaining("permission denied");
	}

	@Test
	void tableOfOtherColumnTypesIsReadAndRefusedAsBefore() {
		// its rows' text is the journal's, but created_at is text: refused naming the column, as the read refuses it
		Sql.execute(this.db, "ALTER TABLE " + HISTORY + " ALTER COLUMN created_at TYPE text");
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("is not a Drizzle history table")
			.withMessageContaining("column created_at is text, not bigint");
		// a hash of char(n) reads padded with blanks, which its text drops: left to the planner, it is modified
		Sql.execute(this.db, "ALTER TABLE " + HISTORY + " ALTER COLUMN created_at TYPE bigint USING created_at::bigint",
				"ALTER TABLE " + HISTORY + " ALTER COLUMN hash TYPE char(70)");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("0000_init.sql changed after it was applied");
	}

	@Test
	void journalFolderOnATableWithNamesIsLeftToThePlanner() throws SQLException {
		Sql.execute(this.db, "ALTER TABLE " + HISTORY + " ADD COLUMN name text");
		upToDateByThePlanner(migrator(), 3);
	}

	@Test
	void drizzleOneFoldersMatchOnATableWithNamesAndAreLeftToThePlannerWithout(@TempDir Path folders)
			throws IOException, SQLException {
		Sql.execute(this.db, "DROP TABLE " + HISTORY);
		for (String folder : List.of("20250101000000_first", "20250102000000_second")) {
			Files.createDirectories(folders.resolve(folder));
			Files.writeString(folders.resolve(folder).resolve("migration.sql"), "CREATE TABLE t" + folder + " (id int);");
		}
		Migrator migrator = new Migrator(this.db.dataSource(), MigratorSettings.defaults("file:" + folders),
				getClass().getClassLoader());
		assertThat(migrator.migrate().applied()).hasSize(2);
		assertThat(digestMatches(migrator)).isTrue();
		assertThat(migrator.migrate().alreadyApplied()).isEqualTo(2);

		Sql.execute(this.db, "ALTER TABLE " + HISTORY + " DROP COLUMN name");
		upToDateByThePlanner(migrator, 2);
	}

	@Test
	void journalWithTheSameTagTwiceNeverMatches() {
		List<Migration> read = migrator().journal().migrations();
		Migration first = read.get(0);
		Migration again = new Migration(new JournalEntry(1, read.get(1).entry().when(), first.tag(), true),
				read.get(1).hash(), read.get(1).statements());
		Journal twice = new Journal("twice", List.of(first, again), List.of());
		// rows the planner would keep under one tag: the second would be unknown, and the entry modified
		assertThat(new HistoryDigest(false, 2, HistoryDigest.expected(twice.migrations(), false)).matches(twice))
			.isFalse();
	}

	@Test
	void journalWithTheSameWhenTwiceNeverMatches() {
		Migration first = migrator().journal().migrations().get(0);
		Migration again = new Migration(new JournalEntry(1, first.entry().when(), "0001_again", true), first.hash(),
				first.statements());
		Journal twice = new Journal("twice", List.of(first, again), List.of());
		// rows the planner would match both to the first entry: the second would be pending
		assertThat(new HistoryDigest(false, 2, HistoryDigest.expected(twice.migrations(), false)).matches(twice))
			.isFalse();
		Journal once = new Journal("once", List.of(first), List.of());
		assertThat(new HistoryDigest(false, 1, HistoryDigest.expected(once.migrations(), false)).matches(once)).isTrue();
	}

	@Test
	void appliedAtIsReadToTheMicrosecondAndInfinityAsUnknown() {
		Sql.execute(this.db, "UPDATE " + HISTORY + " SET applied_at = '2026-11-27 10:15:30.123456+00' WHERE id = 1",
				"UPDATE " + HISTORY + " SET applied_at = '1969-12-31 23:59:59.5+00' WHERE id = 2",
				"UPDATE " + HISTORY + " SET applied_at = 'infinity' WHERE id = 3");
		List<PlannedMigration> planned = migrator().status().migrations();
		assertThat(planned).extracting(PlannedMigration::appliedAt)
			.containsExactly(Instant.parse("2026-11-27T10:15:30.123456Z"), Instant.parse("1969-12-31T23:59:59.500Z"),
					null);
	}

}
