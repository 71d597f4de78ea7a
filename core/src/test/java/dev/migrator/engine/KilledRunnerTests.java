package dev.migrator.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.RunMigrator;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A runner process killed with SIGKILL during a long statement no longer blocks the next one for that long. */
class KilledRunnerTests {

	@TempDir
	Path dir;

	@Test
	void nextRunnerTakesTheLockWithinSecondsOfAKillDuringALongStatement() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("killed");
		assertThat(Integer.parseInt(Sql.value(db, "SHOW server_version_num"))).isGreaterThanOrEqualTo(140000);
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.add("0001_long", "CREATE TABLE half (id int);\nSELECT pg_sleep(60);");
		Process runner = RunMigrator.process(db.url(), db.username(), db.password(), folder.location()).start();
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (Sql.value(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'")
				.equals("0")) {
				assertThat(runner.isAlive()).as("runner still running").isTrue();
				assertThat(System.nanoTime()).as("pg_sleep(60) started").isLessThan(deadline);
				Thread.sleep(50);
			}
		}
		finally {
			runner.destroyForcibly();
		}
		long killed = System.nanoTime();
		runner.waitFor();
		// it was not recorded, so fixing the file before the next run is allowed
		Files.writeString(this.dir.resolve("0001_long.sql"), "CREATE TABLE half (id int);\nSELECT pg_sleep(0);");
		MigrationReport report = new Migrator(db.dataSource(), MigratorSettings.defaults(folder.location()),
				(ClassLoader) null).migrate();
		Duration afterKill = Duration.ofNanos(System.nanoTime() - killed);
		System.out.println("Second runner finished " + afterKill.toMillis() + " ms after the kill");
		assertThat(afterKill).isLessThan(Duration.ofSeconds(15));
		assertThat(report.applied()).extracting(AppliedMigration::tag).containsExactly("0001_long");
		assertThat(Sql.history(db)).hasSize(2);
		assertThat(Sql.value(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'"))
			.isEqualTo("0");
	}

}
