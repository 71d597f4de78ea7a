package dev.migrator.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrator migrate} as a real process, killed with SIGKILL at chosen points. Each point is reached by making
 * the run wait on a lock the test holds ({@link Gate}) and seeing its backend wait in {@code pg_stat_activity}; then
 * the test kills it, and checks what the database kept and what the next run does.
 */
class ProcessDeathIT {

	private static final Duration LONG = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	private String[] migrate(TestDatabase db, MigrationsFolder folder, String... more) {
		List<String> args = new ArrayList<>(List.of("migrate", "--dir", folder.path().toString()));
		args.addAll(MigratorJar.connection(db));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	/** The pid of the runner's backend once it waits for a lock in a statement that starts so, else null. */
	static String waitingIn(TestDatabase db, String statementStart) {
		return Sql.value(db, "SELECT pid FROM pg_stat_activity WHERE application_name = 'migrator'"
				+ " AND wait_event_type = 'Lock' AND query LIKE '" + statementStart + "%'");
	}

	/** Waits until a backend is gone and the advisory lock is free; returns how long that took after the kill. */
	static Duration goneAfterKill(TestDatabase db, String pid, long killed) throws InterruptedException {
		Poll.until("the killed runner's backend " + pid + " to end", LONG, () -> Sql.value(db,
				"SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = " + pid + ")"
						+ " AND NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory')"));
		return Duration.ofNanos(System.nanoTime() - killed);
	}

	@Test
	void killedInATransactionalMigrationsSecondStatementLeavesNothingOfItAndTheNextRunAppliesItOnce() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("death_tx");
		Sql.execute(db, "CREATE TABLE gate (id int)", "INSERT INTO gate VALUES (1)");
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("m"))
			.add("0000_first", "CREATE TABLE runs (n int);")
			.add("0001_gated", "CREATE TABLE gated_part (id int);\n--> statement-breakpoint\n"
					+ "INSERT INTO runs SELECT id FROM gate;");
		MigratorJar.Started runner;
		String pid;
		try (Gate gate = Gate.close(db, "gate", "ACCESS EXCLUSIVE")) {
			runner = MigratorJar.start(this.dir, migrate(db, folder, "--statement-lock-timeout", "0"));
			pid = Poll.until("statement 2 of 0001_gated to wait", LONG, () -> waitingIn(db, "INSERT INTO runs"));
			runner.process().destroyForcibly();
			long killed = System.nanoTime();
			assertThat(runner.process().waitFor()).as("exit code of a SIGKILLed JVM").isEqualTo(137);
			Duration freed = goneAfterKill(db, pid, killed);
			System.out.println("Lock free and backend gone " + freed.toMillis() + " ms after SIGKILL during a lock wait");
			assertThat(freed).isLessThan(Duration.ofSeconds(15));
			// still gated: whatever the killed run left is visible now, before anything else can run
			assertThat(Sql.tableExists(db, "gated_part")).isFalse();
			assertThat(Sql.rows(db, "SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY id"))
				.containsExactly(List.of(Long.toString(MigrationsFolder.FIRST_WHEN)));
		}
		MigratorJar.Result next = MigratorJar.run(this.dir, Map.of(), migrate(db, folder));
		assertThat(next.exitCode()).as(next.toString()).isZero();
		assertThat(next.out()).contains("Applied migration 0001_gated").doesNotContain("0000_first");
		assertThat(Sql.value(db, "SELECT count(*) FROM runs")).isEqualTo("1");
		assertThat(Sql.history(db)).hasSize(2);
	}

	@Test
	void killedBetweenTwoConcurrentIndexBuildsTheNextRunCompletesTheMigrationWhenTheyAreIdempotent() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("death_cic");
		Sql.execute(db, "CREATE TABLE a (id int)", "CREATE TABLE b (id int)");
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("m"))
			.add("0000_indexes", "CREATE INDEX CONCURRENTLY IF NOT EXISTS a_idx ON a (id);--> statement-breakpoint\n"
					+ "CREATE INDEX CONCURRENTLY IF NOT EXISTS b_idx ON b (id);");
		killDuringSecondIndex(db, folder);
		MigratorJar.Result next = MigratorJar.run(this.dir, Map.of(), migrate(db, folder));
		assertThat(next.exitCode()).as(next.toString()).isZero();
		assertThat(next.out()).contains("Applied migration 0000_indexes");
		assertThat(indexes(db)).containsExactly(List.of("a_idx", "t"), List.of("b_idx", "t"));
		assertThat(Sql.history(db)).hasSize(1);
	}

	@Test
	void killedBetweenTwoConcurrentIndexBuildsTheNextRunStopsNamingWhatExistsWhenTheyAreNot() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("death_cic_plain");
		Sql.execute(db, "CREATE TABLE a (id int)", "CREATE TABLE b (id int)");
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("m"))
			.add("0000_indexes", "CREATE INDEX CONCURRENTLY a_idx ON a (id);--> statement-breakpoint\n"
					+ "CREATE INDEX CONCURRENTLY b_idx ON b (id);");
		killDuringSecondIndex(db, folder);
		MigratorJar.Result next = MigratorJar.run(this.dir, Map.of(), migrate(db, folder));
		assertThat(next.exitCode()).as(next.toString()).isEqualTo(1);
		assertThat(next.err()).contains("error: Migration 0000_indexes failed at statement 1 of 2 (line 1:1 of"
				+ " 0000_indexes.sql): ERROR: relation \"a_idx\" already exists [SQLSTATE 42P07].")
			.contains("action: What statement 1 creates exists already, most likely from an earlier run of"
					+ " 0000_indexes that stopped after it. Make the statements idempotent (CREATE INDEX CONCURRENTLY"
					+ " IF NOT EXISTS");
		assertThat(Sql.history(db)).isEmpty();
		// the advice works: the file is not recorded, so it may be made idempotent
		folder.writeFile("0000_indexes.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS a_idx ON a (id);\n"
				+ "CREATE INDEX CONCURRENTLY IF NOT EXISTS b_idx ON b (id);");
		MigratorJar.Result fixed = MigratorJar.run(this.dir, Map.of(), migrate(db, folder));
		assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
		assertThat(indexes(db)).containsExactly(List.of("a_idx", "t"), List.of("b_idx", "t"));
	}

	/** The indexes of the public schema, with whether each is valid. */
	private static List<List<String>> indexes(TestDatabase db) {
		return Sql.rows(db, "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
				+ " WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1");
	}

	/** Runs the folder's one migration until its second index build waits for table b, kills it there. */
	private void killDuringSecondIndex(TestDatabase db, MigrationsFolder folder) throws Exception {
		try (Gate gate = Gate.close(db, "b", "SHARE")) {
			MigratorJar.Started runner = MigratorJar.start(this.dir, migrate(db, folder));
			String pid = Poll.until("the second index build to wait", LONG,
					() -> waitingIn(db, "CREATE INDEX CONCURRENTLY IF NOT EXISTS b_idx") != null
							? waitingIn(db, "CREATE INDEX CONCURRENTLY IF NOT EXISTS b_idx")
							: waitingIn(db, "CREATE INDEX CONCURRENTLY b_idx"));
			runner.process().destroyForcibly();
			long killed = System.nanoTime();
			runner.process().waitFor();
			assertThat(goneAfterKill(db, pid, killed)).isLessThan(Duration.ofSeconds(15));
			assertThat(indexes(db)).containsExactly(List.of("a_idx", "t"));
			assertThat(Sql.value(db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNotNull();
			assertThat(Sql.history(db)).isEmpty();
		}
	}

	@Test
	void killedWhileWaitingForTheLockLeavesTheHolderUnaffected() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("death_waiter");
		Sql.execute(db, "CREATE TABLE gate (id int)", "INSERT INTO gate VALUES (1)");
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("m"))
			.add("0000_first", "CREATE TABLE runs (n int);")
			.add("0001_gated", "INSERT INTO runs SELECT id FROM gate;");
		MigratorJar.Started holder;
		try (Gate gate = Gate.close(db, "gate", "ACCESS EXCLUSIVE")) {
			holder = MigratorJar.start(this.dir, migrate(db, folder, "--statement-lock-timeout", "0"));
			String holderPid = Poll.until("the holder to wait in 0001_gated", LONG,
					() -> waitingIn(db, "INSERT INTO runs"));
			MigratorJar.Started waiter = MigratorJar.start(this.dir, migrate(db, folder));
			String waiterPid = Poll.until("the second runner to poll for the advisory lock", LONG, () -> Sql.value(db,
					"SELECT pid FROM pg_stat_activity WHERE application_name = 'migrator' AND pid <> " + holderPid
							+ " AND query LIKE 'SELECT pg_try_advisory_lock%'"));
			waiter.process().destroyForcibly();
			long killed = System.nanoTime();
			waiter.process().waitFor();
			Poll.until("the waiter's backend to end", LONG, () -> Sql.value(db,
					"SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = " + waiterPid + ")"));
			System.out.println("Waiter's backend gone " + Duration.ofNanos(System.nanoTime() - killed).toMillis()
					+ " ms after SIGKILL");
			assertThat(holder.process().isAlive()).isTrue();
			assertThat(Sql.value(db, "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"))
				.isEqualTo(holderPid);
		}
		MigratorJar.Result result = holder.result();
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("Applied migration 0000_first", "Applied migration 0001_gated",
				"Applied 2 migration(s)");
		assertThat(Sql.value(db, "SELECT count(*) FROM runs")).isEqualTo("1");
		assertThat(Sql.history(db)).hasSize(2);
	}

}
