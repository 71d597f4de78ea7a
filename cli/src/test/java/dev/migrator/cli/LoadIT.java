package dev.migrator.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many runners at once on one fresh database with 200 migrations: 32 threads of this JVM, each with its own
 * {@link Migrator} and connection, and 6 {@code migrator migrate} processes, all started together. Each migration
 * must be recorded once and run once, every runner must succeed (none waits past its lock wait timeout), and
 * exactly 200 migrations must be reported applied in all. Prints the time.
 */
class LoadIT {

	private static final int MIGRATIONS = 200;

	private static final int THREADS = 32;

	private static final int PROCESSES = 6;

	private static final Duration LOCK_WAIT = Duration.ofMinutes(2);

	@TempDir
	Path dir;

	@Test
	void threadsAndProcessesTogetherApplyEachOf200MigrationsOnce() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("load");
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("m"))
			.add("0000_ledger", "CREATE TABLE ledger (tag text PRIMARY KEY, at timestamptz DEFAULT clock_timestamp());");
		for (int i = 1; i < MIGRATIONS; i++) {
			String tag = String.format("%04d_step", i);
			folder.add(tag, "CREATE TABLE step_" + i + " (id int);\n--> statement-breakpoint\n"
					+ "INSERT INTO ledger (tag) VALUES ('" + tag + "');");
		}
		MigratorSettings settings = MigratorSettings.defaults(folder.location())
			.withTimeouts(LOCK_WAIT, MigratorSettings.DEFAULT_STATEMENT_LOCK_TIMEOUT,
					MigratorSettings.DEFAULT_LOCK_RETRIES);
		long started = System.nanoTime();
		List<MigratorJar.Started> processes = new ArrayList<>();
		for (int i = 0; i < PROCESSES; i++) {
			List<String> args = new ArrayList<>(List.of("migrate", "--dir", folder.path().toString(),
					"--lock-wait-timeout", LOCK_WAIT.toSeconds() + "s"));
			args.addAll(MigratorJar.connection(db));
			processes.add(MigratorJar.start(this.dir, args.toArray(String[]::new)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		CyclicBarrier together = new CyclicBarrier(THREADS);
		List<Future<MigrationReport>> threads = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			threads.add(pool.submit(() -> {
				Migrator migrator = new Migrator(db.dataSource(), settings, (ClassLoader) null);
				migrator.journal();
				together.await();
				return migrator.migrate();
			}));
		}
		int applied = 0;
		for (Future<MigrationReport> thread : threads) {
			applied += thread.get(LOCK_WAIT.toSeconds() + 60, TimeUnit.SECONDS).applied().size();
		}
		pool.shutdown();
		for (MigratorJar.Started process : processes) {
			MigratorJar.Result result = process.result();
			assertThat(result.exitCode()).as(result.toString()).isZero();
			applied += (int) result.out().lines().filter((line) -> line.startsWith("Applied migration ")).count();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.println(THREADS + " threads and " + PROCESSES + " processes applied " + MIGRATIONS
				+ " migrations, each once, in " + took.toMillis() + " ms");
		assertThat(applied).as("migrations reported applied by all runners together").isEqualTo(MIGRATIONS);
		assertThat(Sql.value(db, "SELECT count(*) FROM drizzle.__drizzle_migrations")).isEqualTo(
				Integer.toString(MIGRATIONS));
		assertThat(Sql.value(db, "SELECT count(DISTINCT created_at) FROM drizzle.__drizzle_migrations")).isEqualTo(
				Integer.toString(MIGRATIONS));
		assertThat(Sql.value(db, "SELECT count(*) FROM ledger")).isEqualTo(Integer.toString(MIGRATIONS - 1));
		assertThat(Sql.value(db, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'step\\_%'"))
			.isEqualTo(Integer.toString(MIGRATIONS - 1));
		assertThat(took).as("well inside the lock wait timeout").isLessThan(LOCK_WAIT);
	}

}
