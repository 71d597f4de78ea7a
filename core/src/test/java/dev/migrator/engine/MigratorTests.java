package dev.migrator.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.DrizzleFixture;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigratorTests {

	@TempDir
	Path dir;

	private TestDatabase db;

	@BeforeEach
	void freshDatabase() {
		this.db = TestPostgres.newDatabase("migrator");
	}

	private Migrator migrator(String location) {
		return new Migrator(this.db.dataSource(), MigratorSettings.defaults(location), getClass().getClassLoader());
	}

	private Migrator migrator(MigrationsFolder folder, Policy policy) {
		return new Migrator(this.db.dataSource(), MigratorSettings.defaults(folder.location()).withPolicy(policy),
				getClass().getClassLoader());
	}

	@Test
	void appliesDrizzleKitFolderRecordingSha256AndWhenLikeDrizzleOrm() throws Exception {
		Path folder = DrizzleFixture.migrations();
		MigrationReport report = migrator("file:" + folder).migrate();
		assertThat(report.applied()).extracting(AppliedMigration::tag)
			.containsExactly("0000_create_users", "0001_add_posts", "0002_post_status", "0003_slugs", "0004_add_tags");
		Journal journal = migrator("file:" + folder).journal();
		List<List<String>> expected = new ArrayList<>();
		for (Migration migration : journal.migrations()) {
			expected.add(List.of(JournalTests.sha256sum(folder.resolve(migration.tag() + ".sql")),
					Long.toString(migration.entry().when())));
		}
		assertThat(Sql.history(this.db)).isEqualTo(expected);
		assertThat(Sql.tableExists(this.db, "post_tags")).isTrue();
		assertThat(Sql.value(this.db, "SELECT slugify('Hello, World')")).isEqualTo("hello-world");

		MigrationReport again = migrator("file:" + folder).migrate();
		assertThat(again.applied()).isEmpty();
		assertThat(again.alreadyApplied()).isEqualTo(5);
		assertThat(Sql.history(this.db)).isEqualTo(expected);
		assertThat(Sql.value(this.db, "SELECT count(*) FROM drizzle.__drizzle_migrations WHERE applied_at IS NOT NULL"))
			.isEqualTo("5");
	}

	@Test
	void failureAtThirdStatementLeavesNothingOfThatMigration() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.add("0001_broken", "CREATE TABLE b (id int);\n--> statement-breakpoint\nINSERT INTO b VALUES (1);\n"
					+ "--> statement-breakpoint\n\nINSERT INTO missing_table VALUES (2);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(folder, Policy.STRICT).migrate())
			.withMessageContaining("Migration 0001_broken failed at statement 3 of 3 (line 6:1 of 0001_broken.sql, error at 6:13)")
			.withMessageContaining("relation \"missing_table\" does not exist")
			.withMessageContaining("[SQLSTATE 42P01]")
			.satisfies((ex) -> {
				assertThat(ex.tag()).isEqualTo("0001_broken");
				assertThat(ex.action()).contains("Fix 0001_broken.sql");
			});
		assertThat(Sql.tableExists(this.db, "a")).isTrue();
		assertThat(Sql.tableExists(this.db, "b")).isFalse();
		assertThat(Sql.history(this.db)).hasSize(1);
	}

	@Test
	void errorPositionIsMappedToTheLineAndColumnInTheFile() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_multiline", "-- a table\nCREATE TABLE c (\n  id int,\n  name txet\n);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(folder, Policy.STRICT).migrate())
			.withMessageContaining("failed at statement 1 of 1 (line 2:1 of 0000_multiline.sql, error at 4:8)")
			.withMessageContaining("type \"txet\" does not exist");
	}

	@Test
	void eightConcurrentRunnersApplyEachMigrationOnce() throws Exception {
		MigrationsFolder folder = MigrationsFolder.in(this.dir);
		for (int i = 0; i < 6; i++) {
			folder.add("000" + i + "_step", "CREATE TABLE t" + i + " (id int);\nSELECT pg_sleep(0.05);");
		}
		int threads = 8;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<MigrationReport>> runs = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Callable<MigrationReport> run = () -> {
					Migrator migrator = migrator(folder, Policy.STRICT);
					start.await();
					return migrator.migrate();
				};
				runs.add(pool.submit(run));
			}
			int appliedTotal = 0;
			for (Future<MigrationReport> run : runs) {
				appliedTotal += run.get().applied().size();
			}
			assertThat(appliedTotal).isEqualTo(6);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(Sql.value(this.db, "SELECT count(*) FROM drizzle.__drizzle_migrations")).isEqualTo("6");
		assertThat(Sql.value(this.db, "SELECT count(DISTINCT created_at) FROM drizzle.__drizzle_migrations")).isEqualTo("6");
	}

	@Test
	void concurrentIndexMigrationRunsOutsideATransactionAndLeavesAValidIndex() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_table", "CREATE TABLE items (id int, name text);\nINSERT INTO items SELECT g, 'n' || g FROM generate_series(1, 1000) g;")
			.add("0001_index", "CREATE INDEX CONCURRENTLY items_name_idx ON items (name);");
		MigrationReport report = migrator(folder, Policy.STRICT).migrate();
		assertThat(report.applied()).hasSize(2);
		assertThat(Sql.value(this.db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_name_idx'::regclass"))
			.isEqualTo("t");
		assertThat(Sql.history(this.db)).hasSize(2);
	}

	@Test
	void migrationMixingConcurrentIndexWithTransactionalStatementIsRejectedBeforeAnythingRuns() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_table", "CREATE TABLE items (id int);")
			.add("0001_mixed", "ALTER TABLE items ADD COLUMN name text;\nCREATE INDEX CONCURRENTLY i ON items (name);");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator(folder, Policy.STRICT).migrate())
			.withMessageContaining("0001_mixed.sql mixes statements that cannot run in a transaction")
			.withMessageContaining("split it");
		assertThat(Sql.tableExists(this.db, "items")).isFalse();
		// a run refused before anything was applied leaves no empty history table behind
		assertThat(Sql.value(this.db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

	@Test
	void editedAppliedFileFailsAndWarnPolicyAcceptsIt() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", "CREATE TABLE a (id int);");
		migrator(folder, Policy.STRICT).migrate();
		folder.writeFile("0000_init.sql", "CREATE TABLE a (id bigint);");
		folder.add("0001_next", "CREATE TABLE b (id int);");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator(folder, Policy.STRICT).migrate())
			.withMessageContaining("0000_init.sql changed after it was applied")
			.withMessageContaining("restore the file or add a new migration");
		assertThat(Sql.tableExists(this.db, "b")).isFalse();
		Policy warn = new Policy(Policy.OutOfOrder.FAIL, Policy.OnProblem.WARN, Policy.OnUnjournaled.FAIL);
		MigrationReport report = migrator(folder, warn).migrate();
		assertThat(report.applied()).extracting(AppliedMigration::tag).containsExactly("0001_next");
		assertThat(report.warnings()).anySatisfy((w) -> assertThat(w).contains("0000_init.sql changed"));
	}

	@Test
	void outOfOrderEntryFailsByDefaultAndIsAppliedWithApplyPolicy() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", 1000L, "CREATE TABLE a (id int);")
			.add("0002_later", 3000L, "CREATE TABLE c (id int);");
		migrator(folder, Policy.STRICT).migrate();
		// a branch merged later brings an entry with an older "when"
		folder.add("0001_branch", 2000L, "CREATE TABLE b (id int);");
		assertThat(migrator(folder, Policy.STRICT).status().migrations())
			.extracting(PlannedMigration::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.OUT_OF_ORDER);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator(folder, Policy.STRICT).migrate())
			.withMessageContaining("0001_branch is not applied but is older than the newest applied migration")
			.withMessageContaining("migrator.out-of-order=apply");
		assertThat(Sql.tableExists(this.db, "b")).isFalse();
		Policy apply = new Policy(Policy.OutOfOrder.APPLY, Policy.OnProblem.FAIL, Policy.OnUnjournaled.FAIL);
		assertThat(migrator(folder, apply).migrate().applied()).extracting(AppliedMigration::tag)
			.containsExactly("0001_branch");
		assertThat(Sql.tableExists(this.db, "b")).isTrue();
	}

	@Test
	void unjournaledFileStopsMigrateBeforeTheDatabaseIsTouched() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.writeFile("0001_forgotten.sql", "CREATE TABLE b (id int);");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> migrator(folder, Policy.STRICT).migrate())
			.withMessageContaining("0001_forgotten.sql is in");
		assertThat(Sql.value(this.db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

	@Test
	void defaultPolicyStartsWithOneWarningForALeftoverAndStopsForTheNextFreeNumber() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.writeFile("0000_old_init.sql", "CREATE TABLE old (id int);");
		MigrationReport report = migrator(folder.location()).migrate();
		assertThat(report.applied()).extracting(AppliedMigration::tag).containsExactly("0000_init");
		assertThat(report.warnings()).singleElement()
			.asString()
			.contains("0000_old_init.sql")
			.contains("journaled 0000_init.sql");
		assertThat(Sql.tableExists(this.db, "old")).isFalse();

		folder.writeFile("0001_forgotten.sql", "CREATE TABLE b (id int);");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> migrator(folder.location()).migrate())
			.withMessageContaining("0001_forgotten.sql is in");
		assertThat(Sql.tableExists(this.db, "b")).isFalse();
	}

	@Test
	void pendingFileThatCannotBeSplitStopsTheRunBeforeAnyMigrationIsApplied() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.add("0001_open", "CREATE TABLE b (id int);\nSELECT 'never closed;");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> migrator(folder.location()).migrate())
			.withMessageContaining("0001_open.sql: the string opened at line 2:8 is never closed");
		assertThat(Sql.tableExists(this.db, "a")).isFalse();
		assertThat(Sql.value(this.db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

	@Test
	void validateReportsPendingAndAppliesNothing() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", "CREATE TABLE a (id int);");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator(folder, Policy.STRICT).validate())
			.withMessageContaining("0000_init is not applied");
		assertThat(Sql.tableExists(this.db, "a")).isFalse();
		migrator(folder, Policy.STRICT).migrate();
		assertThat(migrator(folder, Policy.STRICT).validate().upToDate()).isTrue();
	}

	@Test
	void lockTimeoutIsRetriedThenReported() throws Exception {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.add("0001_alter", "ALTER TABLE a ADD COLUMN b int;");
		migrator(folder, Policy.STRICT).migrate();
		folder.add("0002_alter", "ALTER TABLE a ADD COLUMN c int;");
		try (var blocker = this.db.connect()) {
			blocker.setAutoCommit(false);
			blocker.createStatement().execute("LOCK TABLE a IN ACCESS SHARE MODE");
			MigratorSettings settings = MigratorSettings.defaults(folder.location())
				.withTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(100), 1);
			Migrator migrator = new Migrator(this.db.dataSource(), settings, getClass().getClassLoader());
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
				.withMessageContaining("0002_alter failed at statement 1 of 1")
				.withMessageContaining("[SQLSTATE 55P03]")
				.satisfies((ex) -> assertThat(ex.action()).contains("on 2 attempts"));
			blocker.rollback();
		}
		assertThat(Sql.value(this.db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'a' AND column_name = 'c'"))
			.isEqualTo("0");
		assertThat(migrator(folder, Policy.STRICT).migrate().applied()).extracting(AppliedMigration::tag)
			.containsExactly("0002_alter");
	}

	@Test
	void waiterGivesUpAfterLockWaitTimeout() throws Exception {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", "CREATE TABLE a (id int);");
		try (var holder = this.db.connect()) {
			holder.createStatement().execute("SELECT pg_advisory_lock(" + MigrationLock.key("drizzle", "__drizzle_migrations") + ")");
			MigratorSettings settings = MigratorSettings.defaults(folder.location())
				.withTimeouts(java.time.Duration.ofMillis(300), java.time.Duration.ofSeconds(10), 3);
			Migrator migrator = new Migrator(this.db.dataSource(), settings, getClass().getClassLoader());
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(migrator::migrate)
				.withMessageContaining("Another process has been migrating drizzle.__drizzle_migrations");
		}
		assertThat(Sql.tableExists(this.db, "a")).isFalse();
	}

	@Test
	void customHistoryTableIsCreatedWithQuotedNames() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", "CREATE TABLE a (id int);");
		MigratorSettings settings = MigratorSettings.defaults(folder.location()).withHistoryTable("Audit", "schema_log");
		new Migrator(this.db.dataSource(), settings, getClass().getClassLoader()).migrate();
		assertThat(Sql.value(this.db, "SELECT count(*) FROM \"Audit\".schema_log")).isEqualTo("1");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> settings.withHistoryTable("drizzle", "x;drop table y"))
			.withMessageContaining("migrator.table");
	}

}
