package dev.migrator.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.MigrationLock;
import dev.migrator.testsupport.DatabaseState;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrator migrate} whose connection breaks: the jar talks to PostgreSQL through a {@link TcpProxy} that the
 * test cuts (both ends see it) or freezes (nothing passes, nothing closes). In each case the run ends within a
 * bounded time with an error naming what broke, the database keeps nothing of the interrupted migration, and the
 * next run, on a healthy connection, applies it.
 */
class ConnectionLossIT {

	private static final Duration LONG = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	private TestDatabase db;

	private MigrationsFolder folder;

	@BeforeEach
	void gatedMigration() {
		this.db = TestPostgres.newDatabase("cut");
		Sql.execute(this.db, "CREATE TABLE gate (id int)", "INSERT INTO gate VALUES (1)");
		this.folder = MigrationsFolder.in(this.dir.resolve("m"))
			.add("0000_first", "CREATE TABLE runs (n int);")
			.add("0001_gated", "CREATE TABLE gated_part (id int);\nINSERT INTO runs SELECT id FROM gate;");
	}

	private String[] migrate(String url, String... more) {
		List<String> args = new ArrayList<>(List.of("migrate", "--dir", this.folder.path().toString(), "--url", url,
				"--user", this.db.username(), "--password=" + ((this.db.password() == null) ? "" : this.db.password())));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	private String through(TcpProxy proxy) {
		return this.db.url().replaceFirst(":\\d+/", ":" + proxy.port() + "/");
	}

	@Test
	void cutMidMigrationFailsAtOnceNamingTheStatementAndTheNextRunAppliesIt() throws Exception {
		List<String> before;
		try (TcpProxy proxy = TcpProxy.to(port()); Gate gate = Gate.close(this.db, "gate", "ACCESS EXCLUSIVE")) {
			MigratorJar.Started runner = MigratorJar.start(this.dir,
					migrate(through(proxy), "--statement-lock-timeout", "0"));
			Poll.until("0001_gated to wait at its second statement", LONG,
					() -> ProcessDeathIT.waitingIn(this.db, "INSERT INTO runs"));
			before = withoutGated(DatabaseState.of(this.db));
			proxy.cut();
			long cut = System.nanoTime();
			MigratorJar.Result result = runner.result();
			Duration failedAfter = Duration.ofNanos(System.nanoTime() - cut);
			System.out.println("Cut mid-migration: the run failed " + failedAfter.toMillis() + " ms after the cut");
			assertThat(failedAfter).isLessThan(Duration.ofSeconds(10));
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			// both migrations went to the server in one round trip, and the cut came before it answered for either
			assertThat(result.err()).contains("error: Migrations 0000_first to 0001_gated, sent to the server in one"
					+ " round trip, failed before the server said how far it had come: An I/O error occurred while"
					+ " sending to the backend. [SQLSTATE 08006]. Each of them was committed together with its history"
					+ " row or not at all")
				.contains("action: The connection to the database broke during 0000_first to 0001_gated");
			Poll.until("the cut backend to end", LONG, () -> Sql.value(this.db,
					"SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory')"));
			assertThat(DatabaseState.of(this.db)).isEqualTo(before);
		}
		appliesTheRestOnAHealthyConnection();
	}

	@Test
	void frozenMidMigrationFailsAfterTheSocketTimeoutAndTheNextRunAppliesIt() throws Exception {
		List<String> before;
		try (TcpProxy proxy = TcpProxy.to(port()); Gate gate = Gate.close(this.db, "gate", "ACCESS EXCLUSIVE")) {
			MigratorJar.Started runner = MigratorJar.start(this.dir,
					migrate(through(proxy) + "?socketTimeout=3", "--statement-lock-timeout", "0"));
			Poll.until("0001_gated to wait at its second statement", LONG,
					() -> ProcessDeathIT.waitingIn(this.db, "INSERT INTO runs"));
			before = withoutGated(DatabaseState.of(this.db));
			proxy.freeze();
			MigratorJar.Result result = runner.result();
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.err()).contains("error: Migrations 0000_first to 0001_gated, sent to the server in one"
					+ " round trip, failed before the server said how far it had come")
				.contains("An I/O error occurred while sending to the backend.")
				.contains("action: The connection to the database broke during 0000_first to 0001_gated");
			Poll.until("the frozen backend to end", LONG, () -> Sql.value(this.db,
					"SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory')"));
			assertThat(DatabaseState.of(this.db)).isEqualTo(before);
		}
		appliesTheRestOnAHealthyConnection();
	}

	@Test
	void cutWhileWaitingForTheLockFailsAtOnceAndWritesNothing() throws Exception {
		MigratorJar.Result first = MigratorJar.run(this.dir, Map.of(), migrate(this.db.url()));
		assertThat(first.exitCode()).as(first.toString()).isZero();
		this.folder.add("0002_later", "CREATE TABLE later (id int);");
		List<String> before = DatabaseState.of(this.db);
		try (TcpProxy proxy = TcpProxy.to(port()); Connection holder = this.db.connect()) {
			try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
				lock.setLong(1, MigrationLock.key("drizzle", "__drizzle_migrations"));
				lock.execute();
			}
			MigratorJar.Started runner = MigratorJar.start(this.dir, migrate(through(proxy)));
			Poll.until("the runner to poll for the lock", LONG, () -> Sql.value(this.db, "SELECT pid FROM pg_stat_activity"
					+ " WHERE application_name = 'migrator' AND query LIKE 'SELECT pg_try_advisory_lock%'"));
			proxy.cut();
			long cut = System.nanoTime();
			MigratorJar.Result result = runner.result();
			Duration failedAfter = Duration.ofNanos(System.nanoTime() - cut);
			System.out.println("Cut during the lock wait: the run failed " + failedAfter.toMillis() + " ms after the cut");
			assertThat(failedAfter).isLessThan(Duration.ofSeconds(10));
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.err()).contains("error: Could not migrate drizzle.__drizzle_migrations: An I/O error"
					+ " occurred while sending to the backend. [SQLSTATE 08006]");
			assertThat(DatabaseState.of(this.db)).isEqualTo(before);
		}
		MigratorJar.Result next = MigratorJar.run(this.dir, Map.of(), migrate(this.db.url()));
		assertThat(next.exitCode()).as(next.toString()).isZero();
		assertThat(next.out()).contains("Applied migration 0002_later");
	}

	private void appliesTheRestOnAHealthyConnection() throws Exception {
		MigratorJar.Result next = MigratorJar.run(this.dir, Map.of(), migrate(this.db.url()));
		assertThat(next.exitCode()).as(next.toString()).isZero();
		assertThat(next.out()).contains("Applied migration 0001_gated").doesNotContain("0000_first");
		assertThat(Sql.value(this.db, "SELECT count(*) FROM runs")).isEqualTo("1");
		assertThat(Sql.history(this.db)).hasSize(2);
	}

	/** The state before 0001_gated's first statement, seen while it is open: its table is not visible yet. */
	private static List<String> withoutGated(List<String> state) {
		return state.stream().filter((line) -> !line.contains("gated_part")).toList();
	}

	private int port() {
		return Integer.parseInt(this.db.url().replaceFirst(".*:(\\d+)/.*", "$1"));
	}

}
