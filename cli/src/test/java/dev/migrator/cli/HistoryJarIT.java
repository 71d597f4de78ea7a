package dev.migrator.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.testsupport.DrizzleFixture;
import dev.migrator.testsupport.DrizzleOrm;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code baseline} and {@code repair} through the jar: the two commands that write the history without migrating. */
class HistoryJarIT {

	private static final Path FIXTURE = DrizzleFixture.migrations();

	@TempDir
	Path dir;

	@Test
	void baselineAdoptsADatabaseBuiltWithoutHistoryThenMigrateAppliesOnlyTheRest() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("cli_baseline");
		for (String tag : new String[] { "0000_create_users", "0001_add_posts", "0002_post_status" }) {
			// plain JDBC, as a schema built by another tool would be: no history table
			String sql = Files.readString(FIXTURE.resolve(tag + ".sql"), StandardCharsets.UTF_8);
			Sql.execute(db, Stream.of(sql.split("--> statement-breakpoint")).filter((s) -> !s.isBlank())
				.toArray(String[]::new));
		}
		Map<String, String> env = Map.of("DATABASE_URL", MigratorJar.postgresUrl(db));
		MigratorJar.Result baseline = MigratorJar.run(this.dir, env, "baseline", "--to", "0002_post_status", "--dir",
				FIXTURE.toString());
		assertThat(baseline.exitCode()).as(baseline.toString()).isZero();
		assertThat(baseline.out()).contains("Recorded 0000_create_users as applied without running it\n")
			.contains("Recorded 0002_post_status as applied without running it\n")
			.contains("Baselined drizzle.__drizzle_migrations: 3 migration(s) up to 0002_post_status recorded as applied");
		assertThat(Sql.history(db)).isEqualTo(DrizzleRows.of(FIXTURE, 3));

		MigratorJar.Result migrate = MigratorJar.run(this.dir,
				Map.of("DATABASE_URL", MigratorJar.postgresUrl(db), "MIGRATIONS_DIR", FIXTURE.toString()), "migrate");
		assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
		assertThat(migrate.out()).doesNotContain("0002_post_status")
			.contains("Applied migration 0003_slugs")
			.contains("Applied 2 migration(s) to drizzle.__drizzle_migrations");
		assertThat(Sql.history(db)).isEqualTo(DrizzleRows.of(FIXTURE, 5));

		MigratorJar.Result again = MigratorJar.run(this.dir, env, "baseline", "--to", "0001_add_posts", "--dir",
				FIXTURE.toString());
		assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
		assertThat(again.err()).contains("0000_create_users is already recorded in drizzle.__drizzle_migrations")
			.contains("action: Nothing was recorded.");
		assertThat(Sql.history(db)).isEqualTo(DrizzleRows.of(FIXTURE, 5));
	}

	@Test
	void repairAcceptsAnEditedAppliedFileOnlyWithYes() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("cli_repair");
		Path folder = DrizzleOrm.firstEntries(FIXTURE, 3, this.dir.resolve("drizzle"));
		new Migrator(db.dataSource(), MigratorSettings.defaults("file:" + folder), (ClassLoader) null).migrate();
		Path file = folder.resolve("0001_add_posts.sql");
		Files.writeString(file, Files.readString(file) + "\n-- reviewed: the index name is intended\n");
		String edited = DrizzleRows.sha256(Files.readAllBytes(file));
		String recorded = Sql.value(db, "SELECT hash FROM drizzle.__drizzle_migrations WHERE id = 2");
		Map<String, String> env = Map.of("DATABASE_URL", MigratorJar.postgresUrl(db));

		MigratorJar.Result invalid = MigratorJar.run(this.dir, env, "validate");
		assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(1);
		assertThat(invalid.err()).contains("error: 0001_add_posts.sql changed after it was applied (recorded hash "
				+ recorded + ", file hash " + edited + ")");

		MigratorJar.Result dryRun = MigratorJar.run(this.dir, env, "repair", "--tag", "0001_add_posts");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.out()).isEqualTo("0001_add_posts is MODIFIED (history row id 2)\n  recorded hash: " + recorded
				+ "\n  file hash:     " + edited + "\nNothing was changed: run again with --yes to record the file's hash.\n");
		assertThat(Sql.value(db, "SELECT hash FROM drizzle.__drizzle_migrations WHERE id = 2")).isEqualTo(recorded);

		MigratorJar.Result repair = MigratorJar.run(this.dir, env, "repair", "--tag", "0001_add_posts", "--yes");
		assertThat(repair.exitCode()).as(repair.toString()).isZero();
		assertThat(repair.out()).contains("Replaced the recorded hash of 0001_add_posts (history row id 2): was "
				+ recorded + ", now " + edited + " (the file's)");
		assertThat(Sql.value(db, "SELECT hash FROM drizzle.__drizzle_migrations WHERE id = 2")).isEqualTo(edited);

		MigratorJar.Result valid = MigratorJar.run(this.dir, env, "validate");
		assertThat(valid.exitCode()).as(valid.toString()).isZero();
		assertThat(valid.out()).contains("is up to date with file:./drizzle: 3 applied");
	}

}
