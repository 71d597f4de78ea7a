package dev.migrator.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.AppliedMigration;
import dev.migrator.engine.Journal;
import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.MigrationState;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.engine.PlannedMigration;
import dev.migrator.testsupport.DrizzleProject;
import dev.migrator.testsupport.SchemaSnapshot;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our runner and the real drizzle-orm 1.0 release candidate on the folder the real drizzle-kit 1.0 generated (one
 * folder per migration, no journal), and on a 0.x folder converted with the real {@code drizzle-kit up}: neither
 * re-applies, skips or records differently from the other, whichever comes first.
 */
class Drizzle1InteropTests {

	private static final DrizzleProject V1 = DrizzleProject.V1;

	private static final String HISTORY = "SELECT hash, created_at, name, applied_at IS NULL FROM"
			+ " drizzle.__drizzle_migrations ORDER BY id";

	private static final String HISTORY_COLUMNS = "SELECT column_name, data_type FROM information_schema.columns"
			+ " WHERE table_schema = 'drizzle' AND table_name = '__drizzle_migrations' ORDER BY ordinal_position";

	@TempDir
	Path dir;

	@BeforeAll
	static void drizzleOrm() {
		V1.ensureInstalled();
		DrizzleProject.V0.ensureInstalled();
	}

	private static Migrator migrator(TestDatabase db, Path folder) {
		return new Migrator(db.dataSource(), MigratorSettings.defaults("file:" + folder), (ClassLoader) null);
	}

	private static List<String> applied(TestDatabase db, Path folder) {
		return migrator(db, folder).migrate().applied().stream().map(AppliedMigration::tag).toList();
	}

	private static List<String> folderNames(Path folder) throws IOException {
		try (Stream<Path> list = Files.list(folder)) {
			return list.filter((path) -> Files.exists(path.resolve("migration.sql")))
				.map((path) -> path.getFileName().toString())
				.sorted()
				.toList();
		}
	}

	/** A copy of the first folders of a 1.0 migrations folder. */
	private Path firstFolders(Path folder, int count, String name) throws IOException {
		Path copy = this.dir.resolve(name);
		Files.createDirectories(copy);
		for (String migration : folderNames(folder).subList(0, count)) {
			FileSystemUtils.copyRecursively(folder.resolve(migration), copy.resolve(migration));
		}
		return copy;
	}

	@Test
	void oursAndDrizzle1OnTwoDatabasesWriteTheSameHistoryAndSchema() throws IOException {
		Path folder = V1.migrations();
		TestDatabase ours = TestPostgres.newDatabase("d1_ours");
		TestDatabase theirs = TestPostgres.newDatabase("d1_drizzle");
		assertThat(applied(ours, folder)).isEqualTo(folderNames(folder)).hasSize(5);
		V1.migrate(theirs, folder);
		assertThat(Sql.rows(ours, HISTORY)).hasSize(5).isEqualTo(Sql.rows(theirs, HISTORY));
		assertThat(Sql.rows(ours, "SELECT name FROM drizzle.__drizzle_migrations ORDER BY id"))
			.extracting((row) -> row.get(0))
			.isEqualTo(folderNames(folder));
		assertThat(Sql.rows(ours, HISTORY_COLUMNS)).isEqualTo(Sql.rows(theirs, HISTORY_COLUMNS))
			.extracting((row) -> row.get(0))
			.containsExactly("id", "hash", "created_at", "name", "applied_at");
		assertThat(SchemaSnapshot.of(ours)).hasSizeGreaterThan(20)
			.isEqualTo(SchemaSnapshot.of(theirs))
			.contains("posts_title_idx | t | t");
		assertThat(migrator(ours, folder).journal().layout()).isEqualTo(Journal.Layout.FOLDERS);
	}

	@Test
	void drizzle1ThenOursThenDrizzle1AppliesEachOnce() throws IOException {
		Path folder = V1.migrations();
		TestDatabase db = TestPostgres.newDatabase("d1_d_o_d");
		V1.migrate(db, firstFolders(folder, 2, "first2"));
		Sql.execute(db, "INSERT INTO users (email) VALUES ('ada@example.com')",
				"INSERT INTO posts (author_id, title) VALUES (1, 'Hello, World')");
		assertThat(applied(db, folder)).isEqualTo(folderNames(folder).subList(2, 5));
		assertThat(Sql.value(db, "SELECT metadata->>'slug' FROM posts")).isEqualTo("hello-world");
		List<List<String>> history = Sql.rows(db, HISTORY);
		V1.migrate(db, folder);
		assertThat(Sql.rows(db, HISTORY)).isEqualTo(history).hasSize(5);
		assertThat(migrator(db, folder).status().migrations()).extracting(PlannedMigration::state)
			.containsOnly(MigrationState.APPLIED);
	}

	@Test
	void oursThenDrizzle1ThenOursAppliesEachOnce() throws IOException {
		Path folder = V1.migrations();
		TestDatabase db = TestPostgres.newDatabase("d1_o_d_o");
		assertThat(applied(db, firstFolders(folder, 3, "first3"))).hasSize(3);
		V1.migrate(db, folder);
		assertThat(Sql.rows(db, HISTORY)).hasSize(5);
		List<List<String>> history = Sql.rows(db, HISTORY);
		MigrationReport again = migrator(db, folder).migrate();
		assertThat(again.applied()).isEmpty();
		assertThat(again.alreadyApplied()).isEqualTo(5);
		assertThat(Sql.rows(db, HISTORY)).isEqualTo(history);
	}

	/** The 0.x fixture converted by the real drizzle-kit 1.0 {@code up}, plus one new migration folder. */
	private Path upgradedFolderWithOneMore() throws IOException {
		Path folder = this.dir.resolve("upgraded");
		FileSystemUtils.copyRecursively(DrizzleProject.V0.migrations(), folder);
		V1.kit("up", "--dialect", "postgresql", "--out", folder.toString());
		assertThat(folder.resolve("meta")).doesNotExist();
		Path added = folder.resolve("20991231235959_add_notes");
		Files.createDirectories(added);
		Files.writeString(added.resolve("migration.sql"), "ALTER TABLE \"posts\" ADD COLUMN \"notes\" text;");
		return folder;
	}

	@Test
	void afterDrizzleKitUpEachRunnerAppliesOnlyTheNewMigrationAndTheOtherThenNothing() throws IOException {
		Path legacy = DrizzleProject.V0.migrations();
		TestDatabase oursThenOurs = TestPostgres.newDatabase("d1_up_oo");
		TestDatabase oursThenTheirs = TestPostgres.newDatabase("d1_up_ot");
		TestDatabase theirsThenOurs = TestPostgres.newDatabase("d1_up_to");
		TestDatabase theirsThenTheirs = TestPostgres.newDatabase("d1_up_tt");
		applied(oursThenOurs, legacy);
		applied(oursThenTheirs, legacy);
		DrizzleProject.V0.migrate(theirsThenOurs, legacy);
		DrizzleProject.V0.migrate(theirsThenTheirs, legacy);
		Path folder = upgradedFolderWithOneMore();
		List<String> names = folderNames(folder);
		assertThat(names).hasSize(6).last().isEqualTo("20991231235959_add_notes");

		// Migrator first: it upgrades the table the way drizzle-orm 1.0 does, then applies only the new folder
		assertThat(applied(oursThenOurs, folder)).containsExactly("20991231235959_add_notes");
		assertThat(applied(theirsThenOurs, folder)).containsExactly("20991231235959_add_notes");
		// drizzle-orm 1.0 first
		V1.migrate(oursThenTheirs, folder);
		V1.migrate(theirsThenTheirs, folder);
		for (TestDatabase db : List.of(oursThenOurs, oursThenTheirs, theirsThenOurs, theirsThenTheirs)) {
			assertThat(Sql.rows(db, "SELECT name FROM drizzle.__drizzle_migrations ORDER BY id"))
				.extracting((row) -> row.get(0))
				.isEqualTo(names);
			assertThat(Sql.value(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'posts'"
					+ " AND column_name = 'notes'")).isEqualTo("1");
		}
		// whichever upgraded the table, the rows are the same
		assertThat(Sql.rows(oursThenOurs, HISTORY)).isEqualTo(Sql.rows(oursThenTheirs, HISTORY));
		assertThat(Sql.rows(theirsThenOurs, HISTORY)).isEqualTo(Sql.rows(theirsThenTheirs, HISTORY));

		// then the other runner applies nothing and changes nothing
		List<List<String>> before = Sql.rows(oursThenOurs, HISTORY);
		V1.migrate(oursThenOurs, folder);
		assertThat(Sql.rows(oursThenOurs, HISTORY)).isEqualTo(before);
		before = Sql.rows(theirsThenOurs, HISTORY);
		V1.migrate(theirsThenOurs, folder);
		assertThat(Sql.rows(theirsThenOurs, HISTORY)).isEqualTo(before);
		for (TestDatabase db : List.of(oursThenTheirs, theirsThenTheirs)) {
			before = Sql.rows(db, HISTORY);
			assertThat(applied(db, folder)).isEmpty();
			assertThat(Sql.rows(db, HISTORY)).isEqualTo(before);
		}
	}

	@Test
	void javaServiceStillOnTheJournalFolderWritesTheNamesDrizzle1Expects() throws IOException {
		TestDatabase db = TestPostgres.newDatabase("d1_transition");
		Path legacy = this.dir.resolve("legacy");
		FileSystemUtils.copyRecursively(DrizzleProject.V0.migrations(), legacy);
		Path journal = legacy.resolve("meta/_journal.json");
		String entries = Files.readString(journal);
		// the TypeScript service upgraded first: converted folder, table upgraded by drizzle-orm 1.0
		Path converted = this.dir.resolve("converted");
		FileSystemUtils.copyRecursively(legacy, converted);
		V1.kit("up", "--dialect", "postgresql", "--out", converted.toString());
		V1.migrate(db, converted);
		// the Java service, still on the journal, adds a migration (as both teams would, in the same commit)
		Files.writeString(legacy.resolve("0005_notes.sql"), "ALTER TABLE \"posts\" ADD COLUMN \"notes\" text;");
		Files.writeString(journal, entries.replaceFirst("\\]\\s*}\\s*$", ",{\"idx\":5,\"version\":\"7\",\"when\":"
				+ "4102444799000,\"tag\":\"0005_notes\",\"breakpoints\":true}]}"));
		assertThat(applied(db, legacy)).containsExactly("0005_notes");
		Path notes = converted.resolve("20991231235959_notes");
		Files.createDirectories(notes);
		Files.copy(legacy.resolve("0005_notes.sql"), notes.resolve("migration.sql"));
		List<List<String>> history = Sql.rows(db, HISTORY);
		assertThat(history).last().satisfies((row) -> assertThat(row.get(2)).isEqualTo("20991231235959_notes"));
		V1.migrate(db, converted);
		assertThat(Sql.rows(db, HISTORY)).isEqualTo(history);
		assertThat(migrator(db, converted).status().migrations()).extracting(PlannedMigration::state)
			.containsOnly(MigrationState.APPLIED);
	}

	@Test
	void migratorStatusOnAnUnconvertedTableShowsTheFolderIdentitiesWithoutChangingIt() throws IOException {
		TestDatabase db = TestPostgres.newDatabase("d1_status");
		DrizzleProject.V0.migrate(db, DrizzleProject.V0.migrations());
		Path folder = upgradedFolderWithOneMore();
		List<PlannedMigration> status = migrator(db, folder).status().migrations();
		assertThat(status).extracting(PlannedMigration::tag).isEqualTo(folderNames(folder));
		assertThat(status).extracting(PlannedMigration::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED,
					MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING);
		assertThat(Sql.rows(db, HISTORY_COLUMNS)).extracting((row) -> row.get(0))
			.containsExactly("id", "hash", "created_at");
	}

}
