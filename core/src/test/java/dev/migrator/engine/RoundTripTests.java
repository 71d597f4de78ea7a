package dev.migrator.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.jdbc.PreferQueryMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With group commit, plain migrations in a row go to the server together, up to {@link RoundTrip#MOST} in one
 * round trip ({@link RoundTrip}); what a user sees stays as if each went alone: each commits in a
 * transaction of its own with its history row, a failure keeps the ones before it and runs none after it, a lock
 * timeout is retried, and each is reported with its own time.
 */
class RoundTripTests {

	/** Statements per migration: enough that a round trip of 50 passes pgjdbc's point of reading results midway. */
	private static final int STATEMENTS = 8;

	@TempDir
	Path dir;

	private TestDatabase db;

	@BeforeEach
	void freshDatabase() {
		this.db = TestPostgres.newDatabase("together");
	}

	private PreferQueryMode mode = PreferQueryMode.EXTENDED;

	private Migrator migrator(MigrationsFolder folder) {
		PGSimpleDataSource dataSource = this.db.dataSource();
		dataSource.setPreferQueryMode(this.mode);
		return new Migrator(dataSource, MigratorSettings.defaults(folder.location()), (ClassLoader) null);
	}

	/** A migration of {@code STATEMENTS} statements that creates table {@code t<i>} and fills it. */
	private static String plain(int i) {
		StringBuilder sql = new StringBuilder("CREATE TABLE t" + i + " (id int PRIMARY KEY, v text);\n");
		for (int s = 1; s < STATEMENTS; s++) {
			sql.append("--> statement-breakpoint\nINSERT INTO t").append(i).append(" VALUES (").append(s).append(", 'row ")
				.append(s).append("');\n");
		}
		return sql.toString();
	}

	private static String tag(int i) {
		return String.format("%04d_t%d", i, i);
	}

	private MigrationsFolder folder(int count) {
		MigrationsFolder folder = MigrationsFolder.in(this.dir);
		for (int i = 0; i < count; i++) {
			folder.add(tag(i), plain(i));
		}
		return folder;
	}

	private List<Integer> tablesPresent(int count) {
		List<Integer> present = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (Sql.tableExists(this.db, "t" + i)) {
				present.add(i);
			}
		}
		return present;
	}

	@Test
	void eachMigrationCommitsInATransactionOfItsOwnAndIsReportedWithItsOwnTime() {
		MigrationsFolder folder = folder(120);
		// one migration in the middle of the first round trip takes 300 ms
		folder.add(tag(120), "DO $$ BEGIN PERFORM pg_sleep(0.3); END $$;\n--> statement-breakpoint\nCREATE TABLE slow (id int);");
		List<AppliedMigration> heard = new ArrayList<>();
		MigrationReport report = migrator(folder).withListener(new MigrationListener() {

			@Override
			public void afterMigration(AppliedMigration migration) {
				heard.add(migration);
			}

		}).migrate();
		assertThat(report.applied()).hasSize(121);
		assertThat(heard).extracting(AppliedMigration::tag).containsExactlyElementsOf(report.applied()
			.stream()
			.map(AppliedMigration::tag)
			.toList());
		assertThat(Sql.history(this.db)).hasSize(121);
		assertThat(Sql.value(this.db, "SELECT count(*) FROM t119")).isEqualTo(String.valueOf(STATEMENTS - 1));
		// applied_at is each transaction's start: all different, in order, so each migration had a transaction
		assertThat(Sql.value(this.db, "SELECT count(DISTINCT applied_at) FROM drizzle.__drizzle_migrations"))
			.isEqualTo("121");
		assertThat(Sql.value(this.db, "SELECT bool_and(applied_at > prev) FROM (SELECT applied_at, lag(applied_at)"
				+ " OVER (ORDER BY id) AS prev FROM drizzle.__drizzle_migrations) r WHERE prev IS NOT NULL"))
			.isEqualTo("t");
		assertThat(heard.get(120).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(heard.subList(0, 120)).allSatisfy(
				(migration) -> assertThat(migration.duration()).isLessThan(Duration.ofMillis(300)));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 10, 45, 49, 63 })
	void aFailureKeepsTheMigrationsBeforeItRollsItBackAndRunsNoneAfterIt(int failing) {
		failureKeepsTheOnesBefore(failing, PreferQueryMode.EXTENDED);
	}

	@ParameterizedTest
	@EnumSource(value = PreferQueryMode.class, names = { "SIMPLE", "EXTENDED_FOR_PREPARED" })
	void aFailureRunsNoneAfterItInTheQueryModesWhereTheServerDoesNotSkipToTheEnd(PreferQueryMode mode) {
		failureKeepsTheOnesBefore(10, mode);
	}

	private void failureKeepsTheOnesBefore(int failing, PreferQueryMode mode) {
		this.mode = mode;
		MigrationsFolder folder = folder(70);
		// statement 3 of the failing one refers to a table that does not exist, after two that worked
		String broken = plain(failing).replace("INSERT INTO t" + failing + " VALUES (2, 'row 2')",
				"INSERT INTO missing_table VALUES (2, 'row 2')");
		folder.writeFile(tag(failing) + ".sql", broken);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(folder).migrate())
			.withMessageContaining("Migration " + tag(failing) + " failed at statement 3 of " + STATEMENTS + " (line 5:1 of "
					+ tag(failing) + ".sql, error at 5:13)")
			.withMessageContaining("relation \"missing_table\" does not exist")
			.withMessageContaining("[SQLSTATE 42P01]")
			.withMessageContaining("Nothing of " + tag(failing) + " was kept")
			.withMessageNotContaining("round trip")
			.satisfies((ex) -> assertThat(ex.tag()).isEqualTo(tag(failing)));
		List<Integer> before = new ArrayList<>();
		for (int i = 0; i < failing; i++) {
			before.add(i);
		}
		assertThat(tablesPresent(70)).isEqualTo(before);
		// a first run that applied nothing takes its new history table back
		assertThat((failing > 0) ? Sql.history(this.db).size() : Sql.value(this.db,
				"SELECT to_regclass('drizzle.__drizzle_migrations')")).isEqualTo((failing > 0) ? failing : null);
		assertThat(Sql.value(this.db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
				+ " AND state LIKE 'idle in transaction%'")).isEqualTo("0");

		folder.writeFile(tag(failing) + ".sql", plain(failing));
		MigrationReport report = migrator(folder).migrate();
		assertThat(report.applied()).hasSize(70 - failing);
		assertThat(report.applied().get(0).tag()).isEqualTo(tag(failing));
		assertThat(tablesPresent(70)).hasSize(70);
		assertThat(Sql.history(this.db)).hasSize(70);
	}

	/** t0 applied; pending 0001-0009, plain but 0006, which alters t0 and so needs a lock on it. */
	private MigrationsFolder alterOfAppliedTableAmongOthers() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add(tag(0), plain(0));
		migrator(folder).migrate();
		for (int i = 1; i < 10; i++) {
			folder.add(tag(i), (i == 6) ? "ALTER TABLE t0 ADD COLUMN extra int;" : plain(i));
		}
		return folder;
	}

	@Test
	void aMigrationThatWaitsTooLongForALockAmongOthersIsTriedAgainAloneWithTheAttemptsLeft() throws Exception {
		MigrationsFolder folder = alterOfAppliedTableAmongOthers();
		MigratorSettings settings = MigratorSettings.defaults(folder.location())
			.withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(100), 3);
		Connection blocker = this.db.connect();
		blocker.setAutoCommit(false);
		blocker.createStatement().execute("LOCK TABLE t0 IN ACCESS SHARE MODE");
		// the lock goes after 600 ms: the first attempt, in the round trip with the others, and the second fail
		CompletableFuture<Void> released = CompletableFuture.runAsync(() -> {
			try (blocker) {
				Thread.sleep(600);
				blocker.rollback();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		MigrationReport report = new Migrator(this.db.dataSource(), settings, (ClassLoader) null).migrate();
		released.get(10, TimeUnit.SECONDS);
		assertThat(report.applied()).extracting(AppliedMigration::tag).hasSize(9).contains(tag(6));
		assertThat(report.duration()).isGreaterThan(Duration.ofMillis(500));
		assertThat(Sql.value(this.db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 't0'"
				+ " AND column_name = 'extra'")).isEqualTo("1");
		assertThat(tablesPresent(10)).containsExactly(0, 1, 2, 3, 4, 5, 7, 8, 9);
		assertThat(Sql.history(this.db)).hasSize(10);
	}

	@Test
	void aLockTimeoutAmongOthersCountsItsFirstAttempt() throws Exception {
		MigrationsFolder folder = alterOfAppliedTableAmongOthers();
		MigratorSettings settings = MigratorSettings.defaults(folder.location())
			.withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(100), 2);
		try (Connection blocker = this.db.connect()) {
			blocker.setAutoCommit(false);
			blocker.createStatement().execute("LOCK TABLE t0 IN ACCESS SHARE MODE");
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(new Migrator(this.db.dataSource(), settings, (ClassLoader) null)::migrate)
				.withMessageContaining(tag(6) + " failed at statement 1 of 1")
				.withMessageContaining("[SQLSTATE 55P03]")
				.satisfies((ex) -> assertThat(ex.action()).contains("on 3 attempts"));
			blocker.rollback();
		}
		assertThat(tablesPresent(10)).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(Sql.history(this.db)).hasSize(6);
	}

	@Test
	void aListenerThatFailsMidwayStopsTheRunWithItsErrorAndTheMigrationsOfTheRoundTripStayCommitted() {
		MigrationsFolder folder = folder(10);
		List<String> heard = new ArrayList<>();
		IllegalStateException refused = new IllegalStateException("the listener refuses 0002_t2");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> migrator(folder)
			.withListener(new MigrationListener() {

				@Override
				public void afterMigration(AppliedMigration migration) {
					heard.add(migration.tag());
					if (migration.tag().equals(tag(2))) {
						throw refused;
					}
				}

			})
			.migrate()).isSameAs(refused);
		assertThat(heard).containsExactly(tag(0), tag(1), tag(2));
		assertThat(tablesPresent(10)).hasSize(10);
		assertThat(Sql.history(this.db)).hasSize(10);
	}

	@Test
	void aConnectionThatBreaksAmongMigrationsSentTogetherLeavesEachWithItsRowOrWithoutIt() throws Exception {
		MigrationsFolder folder = folder(10);
		folder.writeFile(tag(4) + ".sql", "CREATE TABLE t4 (id int);\n--> statement-breakpoint\n"
				+ "DO $$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); END $$;");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(folder).migrate())
			// the server ends the session with an error for the statement it was at, which pgjdbc names; under -ea
			// (as here) pgjdbc's assertion that the connection is still open hides that, and the round trip is named
			.satisfies((ex) -> assertThat(ex.getMessage()).containsAnyOf(
					"Migration 0004_t4 failed at statement 2 of 2 (line 3:1 of 0004_t4.sql)",
					"Migrations 0000_t0 to 0009_t9, sent to the server in one round trip, failed before the server said"
							+ " how far it had come"))
			.satisfies((ex) -> assertThat(ex.action()).contains("The connection to the database broke during"));
		assertThat(tablesPresent(10)).containsExactly(0, 1, 2, 3);
		assertThat(Sql.history(this.db)).hasSize(4);
	}

}
