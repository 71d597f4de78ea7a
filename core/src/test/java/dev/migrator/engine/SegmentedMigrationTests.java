package dev.migrator.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Migrations whose own {@code BEGIN}/{@code COMMIT} divide them into segments, as real Drizzle folders have. */
class SegmentedMigrationTests {

	@TempDir
	Path dir;

	private TestDatabase db;

	@BeforeEach
	void freshDatabase() {
		this.db = TestPostgres.newDatabase("segments");
	}

	private Migrator migrator(MigrationsFolder folder) {
		return new Migrator(this.db.dataSource(), MigratorSettings.defaults(folder.location()),
				getClass().getClassLoader());
	}

	@Test
	void commitThenConcurrentIndexesLeaveValidIndexesAndOneRow() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_tx", "CREATE TABLE tx (id int, height int, hash text);\nINSERT INTO tx VALUES (1, 10, 'a');")
			.add("0001_indexes", "COMMIT;--> statement-breakpoint\n"
					+ "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"tx_height_idx\" ON \"tx\" (\"height\" DESC);"
					+ "--> statement-breakpoint\nCREATE UNIQUE INDEX CONCURRENTLY \"tx_hash_idx\" ON \"tx\" (\"hash\");");
		assertThat(migrator(folder).status().migrations()).extracting(PlannedMigration::execution)
			.containsExactly(Migration.Execution.TRANSACTION, Migration.Execution.SEGMENTED);
		MigrationReport report = migrator(folder).migrate();
		assertThat(report.applied()).extracting(AppliedMigration::tag).containsExactly("0000_tx", "0001_indexes");
		assertThat(Sql.rows(this.db, "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid ="
				+ " i.indexrelid WHERE c.relname LIKE 'tx_%' ORDER BY 1"))
			.containsExactly(java.util.List.of("tx_hash_idx", "t"), java.util.List.of("tx_height_idx", "t"));
		assertThat(Sql.history(this.db)).hasSize(2);
		assertThat(migrator(folder).status().migrations().get(1).execution()).isNull();
	}

	@Test
	void theModesOfABeginThatOpensATransactionAndALeadingSetTransactionApply() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_seen", "CREATE TABLE seen (at text, level text, read_only text);")
			.add("0001_begin_modes", "COMMIT;\nBEGIN ISOLATION LEVEL SERIALIZABLE, READ WRITE;\n"
					+ "INSERT INTO seen SELECT 'begin', current_setting('transaction_isolation'),"
					+ " current_setting('transaction_read_only');\nCOMMIT;")
			.add("0002_set_transaction", "BEGIN;\nSET TRANSACTION ISOLATION LEVEL REPEATABLE READ;\n"
					+ "INSERT INTO seen SELECT 'set', current_setting('transaction_isolation'),"
					+ " current_setting('transaction_read_only');\nCOMMIT;")
			.add("0003_start", "COMMIT;\nSTART TRANSACTION READ ONLY;\nSELECT 1;\nCOMMIT;\n"
					+ "INSERT INTO seen SELECT 'after', current_setting('transaction_isolation'),"
					+ " current_setting('transaction_read_only');");
		assertThat(migrator(folder).migrate().applied()).hasSize(4);
		assertThat(Sql.rows(this.db, "SELECT at, level, read_only FROM seen ORDER BY at"))
			.containsExactly(java.util.List.of("after", "read committed", "off"),
					java.util.List.of("begin", "serializable", "off"),
					java.util.List.of("set", "repeatable read", "off"));
		assertThat(Sql.history(this.db)).hasSize(4);
	}

	@Test
	void aLeadingSetTransactionInAPlainFileGoesAloneAndChainedOrReadOnlyTransactionsKeepTheirModes() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_seen", "CREATE TABLE seen (at text, level text);")
			// plain files in a row go to the server together with group commit; this one must not
			.add("0001_plain", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;--> statement-breakpoint\n"
					+ "INSERT INTO seen SELECT 'plain', current_setting('transaction_isolation');")
			.add("0002_chain", "COMMIT;\nBEGIN ISOLATION LEVEL REPEATABLE READ;\n"
					+ "INSERT INTO seen SELECT 'before chain', current_setting('transaction_isolation');\n"
					+ "COMMIT AND CHAIN;\nINSERT INTO seen SELECT 'chained', current_setting('transaction_isolation');\n"
					+ "COMMIT;")
			.add("0003_read_only", "COMMIT;\nSTART TRANSACTION READ ONLY;\nSELECT count(*) FROM seen;");
		assertThat(migrator(folder).migrate().applied()).hasSize(4);
		assertThat(Sql.rows(this.db, "SELECT at, level FROM seen ORDER BY at"))
			.containsExactly(java.util.List.of("before chain", "repeatable read"),
					java.util.List.of("chained", "repeatable read"), java.util.List.of("plain", "serializable"));
		assertThat(Sql.history(this.db)).hasSize(4);
		assertThat(migrator(folder).migrate().applied()).isEmpty();
	}

	@Test
	void beginCommitAroundDataChangesAndATrailingCommitApplyOnce() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_accounts", "CREATE TABLE accounts (id int PRIMARY KEY, balance int);\nCOMMIT;")
			.add("0001_seed", "BEGIN;\nINSERT INTO accounts VALUES (1, 10), (2, 20);\n"
					+ "UPDATE accounts SET balance = balance + 1;\nCOMMIT;");
		migrator(folder).migrate();
		assertThat(Sql.value(this.db, "SELECT sum(balance) FROM accounts")).isEqualTo("32");
		assertThat(migrator(folder).migrate().applied()).isEmpty();
		assertThat(Sql.value(this.db, "SELECT sum(balance) FROM accounts")).isEqualTo("32");
		assertThat(Sql.history(this.db)).hasSize(2);
	}

	@Test
	void failureInTheSecondSegmentKeepsTheFirstNamesItAndTheFixedFileCompletesIt() throws Exception {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE events (id int, kind text);")
			.add("0001_split", "CREATE TABLE IF NOT EXISTS kept (id int);\nINSERT INTO events VALUES (1, 'x');\n"
					+ "COMMIT;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS events_kind_idx ON events (kind);\n"
					+ "SELECT 1/0;");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(folder).migrate())
			.withMessageContaining("Migration 0001_split failed at statement 5 of 5 (line 5:1 of 0001_split.sql")
			.withMessageContaining("[SQLSTATE 22012]")
			.withMessageContaining("Statements 1-4 of 0001_split stayed committed")
			.withMessageNotContaining("Nothing of")
			.satisfies((ex) -> assertThat(ex.action()).startsWith("Statements 1-4 stayed committed; make the rest"
					+ " of 0001_split.sql idempotent"));
		assertThat(Sql.tableExists(this.db, "kept")).isTrue();
		assertThat(Sql.value(this.db, "SELECT count(*) FROM events")).isEqualTo("1");
		assertThat(Sql.history(this.db)).hasSize(1);

		java.nio.file.Files.writeString(this.dir.resolve("0001_split.sql"),
				"CREATE TABLE IF NOT EXISTS kept (id int);\nCOMMIT;\n"
						+ "CREATE INDEX CONCURRENTLY IF NOT EXISTS events_kind_idx ON events (kind);\nSELECT 1;");
		assertThat(migrator(folder).migrate().applied()).extracting(AppliedMigration::tag).containsExactly("0001_split");
		assertThat(Sql.history(this.db)).hasSize(2);
		assertThat(Sql.value(this.db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'events_kind_idx'::regclass"))
			.isEqualTo("t");
	}

	@Test
	void statementsAfterAFileCommitAreNotClaimedRolledBack() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE kept (id int);\nCOMMIT;\nSELECT 1/0;");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(folder).migrate())
			.withMessageContaining("failed at statement 3 of 3")
			.withMessageContaining("Statement 1 of 0000_init stayed committed")
			.withMessageNotContaining("Nothing of 0000_init was kept");
		assertThat(Sql.tableExists(this.db, "kept")).isTrue();
	}

	@Test
	void failureBeforeTheFilesFirstCommitKeepsNothing() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE gone (id int);\nSELECT 1/0;\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON gone (id);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(folder).migrate())
			.withMessageContaining("Nothing of 0000_init was kept")
			.satisfies((ex) -> assertThat(ex.action()).contains("Fix 0000_init.sql"));
		assertThat(Sql.tableExists(this.db, "gone")).isFalse();
		assertThat(Sql.value(this.db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

	@Test
	void concurrentIndexWithoutCommitOrInsideBeginIsRefusedBeforeAnythingRuns() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.add("0001_mixed", "CREATE TABLE b (id int);\nCREATE INDEX CONCURRENTLY b_idx ON b (id);");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator(folder).migrate())
			.withMessageContaining("0001_mixed.sql mixes statements that cannot run in a transaction (statement 2 at"
					+ " line 2)");
		assertThat(Sql.tableExists(this.db, "a")).isFalse();

		MigrationsFolder inside = MigrationsFolder.in(this.dir.resolve("inside"))
			.add("0000_init", "CREATE TABLE a (id int);\nCOMMIT;\nBEGIN;\nCREATE INDEX CONCURRENTLY a_idx ON a (id);"
					+ "\nCOMMIT;");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator(inside).migrate())
			.withMessageContaining("0000_init.sql runs statements that cannot run in a transaction block inside a"
					+ " transaction (statement 4 at line 4)");
		assertThat(Sql.tableExists(this.db, "a")).isFalse();
	}

	@Test
	void lockTimeoutRetriesOnlyTheSegmentThatWaitedNeverACommittedOne() throws Exception {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE audit (n int);\nCREATE TABLE busy (id int);");
		migrator(folder).migrate();
		folder.add("0001_two_parts", "INSERT INTO audit VALUES (1);\nCOMMIT;\nBEGIN;\nALTER TABLE busy ADD COLUMN c int;\n"
				+ "COMMIT;");
		MigratorSettings settings = MigratorSettings.defaults(folder.location())
			.withTimeouts(Duration.ofSeconds(30), Duration.ofMillis(200), 20);
		try (Connection blocker = this.db.connect()) {
			blocker.setAutoCommit(false);
			blocker.createStatement().execute("LOCK TABLE busy IN ACCESS SHARE MODE");
			CompletableFuture<MigrationReport> run = CompletableFuture
				.supplyAsync(() -> new Migrator(this.db.dataSource(), settings, getClass().getClassLoader()).migrate());
			// wait until the ALTER has timed out at least once, then let it through
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (Sql.value(this.db, "SELECT count(*) FROM audit").equals("0") && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			Thread.sleep(600);
			blocker.rollback();
			assertThat(run.get().applied()).extracting(AppliedMigration::tag).containsExactly("0001_two_parts");
		}
		assertThat(Sql.value(this.db, "SELECT count(*) FROM audit")).isEqualTo("1");
		assertThat(Sql.value(this.db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'busy'"
				+ " AND column_name = 'c'")).isEqualTo("1");
	}

}
