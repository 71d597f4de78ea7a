package dev.migrator.interop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.AppliedMigration;
import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.MigrationState;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.engine.PlannedMigration;
import dev.migrator.testsupport.DrizzleFixture;
import dev.migrator.testsupport.DrizzleOrm;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.SchemaSnapshot;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our runner and the real drizzle-orm 0.45 migrator on the folder the real drizzle-kit 0.31 generated: neither
 * re-applies, skips or hashes differently from the other.
 */
class DrizzleInteropTests {

	private static final Path FOLDER = DrizzleFixture.migrations();

	private static final List<String> TAGS = List.of("0000_create_users", "0001_add_posts", "0002_post_status",
			"0003_slugs", "0004_add_tags");

	@TempDir
	Path dir;

	@BeforeAll
	static void drizzleOrm() {
		DrizzleOrm.ensureInstalled();
	}

	private static MigrationReport ours(TestDatabase db, Path folder) {
		return new Migrator(db.dataSource(), MigratorSettings.defaults("file:" + folder), (ClassLoader) null).migrate();
	}

	private static List<MigrationState> states(TestDatabase db, Path folder) {
		return new Migrator(db.dataSource(), MigratorSettings.defaults("file:" + folder), (ClassLoader) null).status()
			.migrations()
			.stream()
			.map(PlannedMigration::state)
			.toList();
	}

	private static void seedPosts(TestDatabase db) {
		Sql.execute(db, "INSERT INTO users (email) VALUES ('ada@example.com')",
				"INSERT INTO posts (author_id, title) VALUES (1, 'Hello, World')");
	}

	@Test
	void oursAndDrizzleOnTwoDatabasesWriteTheSameHistoryAndSchema() {
		TestDatabase a = TestPostgres.newDatabase("interop_ours");
		TestDatabase b = TestPostgres.newDatabase("interop_drizzle");
		assertThat(ours(a, FOLDER).applied()).extracting(AppliedMigration::tag).isEqualTo(TAGS);
		DrizzleOrm.migrate(b, FOLDER);
		assertThat(Sql.history(a)).hasSize(5).isEqualTo(Sql.history(b));
		assertThat(SchemaSnapshot.of(a)).hasSizeGreaterThan(20).isEqualTo(SchemaSnapshot.of(b));
		assertThat(SchemaSnapshot.of(a)).anySatisfy((line) -> assertThat(line).startsWith("slugify |"));
	}

	@Test
	void drizzleFirstThenOursThenDrizzleAgainAppliesEachOnce() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("interop_d_o_d");
		DrizzleOrm.migrate(db, DrizzleOrm.firstEntries(FOLDER, 2, this.dir.resolve("first2")));
		seedPosts(db);
		assertThat(Sql.history(db)).hasSize(2);
		assertThat(ours(db, FOLDER).applied()).extracting(AppliedMigration::tag).isEqualTo(TAGS.subList(2, 5));
		// the backfill in 0003_slugs ran once, on the row written in between
		assertThat(Sql.value(db, "SELECT metadata->>'slug' FROM posts")).isEqualTo("hello-world");
		List<List<String>> history = Sql.history(db);
		DrizzleOrm.migrate(db, FOLDER);
		assertThat(Sql.history(db)).isEqualTo(history).hasSize(5);
		assertThat(states(db, FOLDER)).containsOnly(MigrationState.APPLIED);
	}

	@Test
	void oursFirstThenDrizzleThenOursAgainAppliesEachOnce() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("interop_o_d_o");
		assertThat(ours(db, DrizzleOrm.firstEntries(FOLDER, 3, this.dir.resolve("first3"))).applied()).hasSize(3);
		seedPosts(db);
		DrizzleOrm.migrate(db, FOLDER);
		assertThat(Sql.history(db)).hasSize(5);
		assertThat(Sql.value(db, "SELECT metadata->>'slug' FROM posts")).isEqualTo("hello-world");
		MigrationReport again = ours(db, FOLDER);
		assertThat(again.applied()).isEmpty();
		assertThat(again.alreadyApplied()).isEqualTo(5);
		assertThat(Sql.history(db)).hasSize(5);
	}

	@Test
	void customSqlAndCrlfFilesGetTheHashDrizzleRecords() {
		TestDatabase viaDrizzle = TestPostgres.newDatabase("interop_hash_d");
		TestDatabase viaOurs = TestPostgres.newDatabase("interop_hash_o");
		byte[] crlf = "CREATE TABLE crlf_t (\r\n\tid int\r\n);\r\n--> statement-breakpoint\r\nINSERT INTO crlf_t VALUES (1);\r\n"
			.getBytes(StandardCharsets.UTF_8);
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("crlf")).add("0000_crlf", 1795640223747L, crlf);
		DrizzleOrm.migrate(viaDrizzle, folder.path());
		ours(viaOurs, folder.path());
		assertThat(Sql.history(viaOurs)).isEqualTo(Sql.history(viaDrizzle));
		assertThat(states(viaDrizzle, folder.path())).containsExactly(MigrationState.APPLIED);

		TestDatabase full = TestPostgres.newDatabase("interop_custom");
		DrizzleOrm.migrate(full, FOLDER);
		String custom = new Migrator(full.dataSource(), MigratorSettings.defaults("file:" + FOLDER), (ClassLoader) null)
			.journal()
			.migrations()
			.get(3)
			.hash();
		assertThat(Sql.value(full, "SELECT hash FROM drizzle.__drizzle_migrations WHERE created_at = "
				+ "(SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY id OFFSET 3 LIMIT 1)")).isEqualTo(custom);
		assertThat(states(full, FOLDER)).containsOnly(MigrationState.APPLIED);
	}

	/**
	 * The patterns real projects use because drizzle-orm runs all pending migrations in one transaction:
	 * {@code COMMIT;} before {@code CREATE INDEX CONCURRENTLY}, a data migration ending in {@code COMMIT;}, and
	 * {@code BEGIN; ... COMMIT;} around data changes.
	 */
	private MigrationsFolder commitPatterns(String name) {
		return MigrationsFolder.in(this.dir.resolve(name))
			.add("0000_init", "CREATE TABLE \"transaction\" (\n\t\"id\" serial PRIMARY KEY,\n\t\"height\" integer,\n"
					+ "\t\"hash\" text,\n\t\"note\" text\n);\n")
			.add("0001_tx_indexes", "COMMIT;--> statement-breakpoint\n"
					+ "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"tx_height_idx\" ON \"transaction\" (\"height\" DESC);"
					+ "--> statement-breakpoint\n"
					+ "CREATE UNIQUE INDEX CONCURRENTLY \"tx_hash_idx\" ON \"transaction\" (\"hash\");")
			.add("0002_seed", "INSERT INTO \"transaction\" (\"height\", \"hash\") VALUES (1, 'a'), (2, 'b');"
					+ "--> statement-breakpoint\nUPDATE \"transaction\" SET \"note\" = 'seeded';--> statement-breakpoint\n"
					+ "COMMIT;")
			.add("0003_rescale", "BEGIN;--> statement-breakpoint\nUPDATE \"transaction\" SET \"height\" = \"height\" * 10;"
					+ "--> statement-breakpoint\nINSERT INTO \"transaction\" (\"height\", \"hash\", \"note\") VALUES (30, 'c',"
					+ " 'late');--> statement-breakpoint\nCOMMIT;");
	}

	@Test
	void filesWithTheirOwnCommitRunAlikeInBothRunnersAndNeitherReappliesTheOthers() {
		MigrationsFolder folder = commitPatterns("commit");
		TestDatabase viaOurs = TestPostgres.newDatabase("interop_commit_o");
		TestDatabase viaDrizzle = TestPostgres.newDatabase("interop_commit_d");
		assertThat(ours(viaOurs, folder.path()).applied()).hasSize(4);
		DrizzleOrm.migrate(viaDrizzle, folder.path());
		assertThat(Sql.history(viaOurs)).hasSize(4).isEqualTo(Sql.history(viaDrizzle));
		assertThat(SchemaSnapshot.of(viaOurs)).isEqualTo(SchemaSnapshot.of(viaDrizzle))
			.contains("tx_height_idx | t | t", "tx_hash_idx | t | t");
		String data = "SELECT height, hash, note FROM \"transaction\" ORDER BY hash";
		assertThat(Sql.rows(viaOurs, data)).hasSize(3).isEqualTo(Sql.rows(viaDrizzle, data));

		// each runner after the other applies nothing
		assertThat(ours(viaDrizzle, folder.path()).applied()).isEmpty();
		List<List<String>> history = Sql.history(viaOurs);
		DrizzleOrm.migrate(viaOurs, folder.path());
		assertThat(Sql.history(viaOurs)).isEqualTo(history);
		assertThat(Sql.rows(viaOurs, data)).isEqualTo(Sql.rows(viaDrizzle, data));
		assertThat(states(viaOurs, folder.path())).containsOnly(MigrationState.APPLIED);
		assertThat(states(viaDrizzle, folder.path())).containsOnly(MigrationState.APPLIED);
	}

	@Test
	void historyTableCreatedByDrizzleIsExtendedWithoutBreakingDrizzle() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("interop_table");
		DrizzleOrm.migrate(db, DrizzleOrm.firstEntries(FOLDER, 2, this.dir.resolve("first2")));
		assertThat(Sql.rows(db, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'drizzle'"
				+ " ORDER BY ordinal_position")).extracting((row) -> row.get(0)).containsExactly("id", "hash", "created_at");
		ours(db, FOLDER);
		assertThat(Sql.rows(db, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'drizzle'"
				+ " ORDER BY ordinal_position")).extracting((row) -> row.get(0))
			.containsExactly("id", "hash", "created_at", "applied_at");
		// Drizzle's rows keep an unknown applied_at; ours get the time they were applied
		assertThat(Sql.rows(db, "SELECT applied_at IS NULL FROM drizzle.__drizzle_migrations ORDER BY id"))
			.extracting((row) -> row.get(0)).containsExactly("t", "t", "f", "f", "f");
		List<List<String>> history = Sql.history(db);
		String output = DrizzleOrm.migrate(db, FOLDER);
		assertThat(output).contains("drizzle-orm migrate: done");
		assertThat(Sql.history(db)).isEqualTo(history);
	}

}
