package dev.migrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.DrizzleFixture;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar target/migrator.jar migrate} on real PostgreSQL: where the URL comes from, and the exit codes. */
class MigratorJarIT {

	private static final Path FIXTURE = DrizzleFixture.migrations();

	@TempDir
	Path dir;

	@Test
	void migrateAppliesTheDrizzleKitFolderWithDrizzlesRowsAndASecondRunIsUpToDate() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("cli_migrate");
		Map<String, String> env = Map.of("DATABASE_URL", MigratorJar.postgresUrl(db));
		MigratorJar.Result first = MigratorJar.run(this.dir, env, "migrate", "--dir", FIXTURE.toString());
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(first.out()).containsPattern("Applied migration 0000_create_users on localhost:\\d+/t_climigrate_\\w+ in \\d+ ms\n")
			.containsPattern("Applied migration 0004_add_tags on \\S+ in \\d+ ms\n")
			.containsPattern("Applied 5 migration\\(s\\) to drizzle.__drizzle_migrations on \\S+ in");
		assertThat(first.err()).contains("(URL from the DATABASE_URL environment variable)")
			.contains("sslmode=disable because localhost is a local host");
		assertThat(Sql.history(db)).isEqualTo(DrizzleRows.of(FIXTURE, 5));

		MigratorJar.Result second = MigratorJar.run(this.dir, env, "migrate", "--dir", FIXTURE.toString());
		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).containsPattern("Schema drizzle.__drizzle_migrations on \\S+ is up to date: 5 applied")
			.doesNotContain("Applied migration");
		assertThat(Sql.history(db)).hasSize(5);
	}

	@Test
	void theUrlComesFromDotEnvInTheWorkingDirectoryOrTheFileRootEnvNames() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("cli_dotenv");
		Path drizzle = Files.createDirectories(this.dir.resolve("drizzle"));
		MigrationsFolder.in(drizzle).add("0000_init", "CREATE TABLE from_dotenv (id int);");
		Files.writeString(this.dir.resolve(".env"), "PORT=8080\nDATABASE_URL=" + MigratorJar.postgresUrl(db) + "\n");
		MigratorJar.Result fromDotEnv = MigratorJar.run(this.dir, Map.of(), "migrate");
		assertThat(fromDotEnv.exitCode()).as(fromDotEnv.toString()).isZero();
		assertThat(fromDotEnv.err()).contains("(URL from DATABASE_URL in " + this.dir.resolve(".env") + ")");
		assertThat(Sql.tableExists(db, "from_dotenv")).isTrue();

		// ROOT_ENV wins over ./.env, which now points at a database that does not exist
		Files.writeString(this.dir.resolve(".env"), "DATABASE_URL=postgres://nobody@localhost:1/nothing\n");
		Path rootEnv = Files.createDirectories(this.dir.resolve("config")).resolve("root.env");
		Files.writeString(rootEnv, "DATABASE_URL=\"" + MigratorJar.postgresUrl(db) + "\"\n");
		MigratorJar.Result fromRootEnv = MigratorJar.run(this.dir, Map.of("ROOT_ENV", "config/root.env"), "validate");
		assertThat(fromRootEnv.exitCode()).as(fromRootEnv.toString()).isZero();
		assertThat(fromRootEnv.err()).contains("(URL from DATABASE_URL in " + rootEnv + ")");
		assertThat(fromRootEnv.out()).contains("drizzle.__drizzle_migrations is up to date with file:./drizzle: 1 applied");

		Files.delete(this.dir.resolve(".env"));
		MigratorJar.Result nowhere = MigratorJar.run(this.dir, Map.of(), "migrate");
		assertThat(nowhere.exitCode()).as(nowhere.toString()).isEqualTo(2);
		assertThat(nowhere.err()).contains("error: No database URL: looked for the --url option, the DATABASE_URL"
				+ " environment variable and DATABASE_URL in " + this.dir.resolve(".env") + " (no such file)");
		assertThat(nowhere.out()).isEmpty();
	}

	@Test
	void aBrokenMigrationExitsOneNamingItsStatementAndLine() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("cli_broken");
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("migrations"))
			.add("0000_ok", "CREATE TABLE ok (id int);")
			.add("0001_broken", "CREATE TABLE b (id int);\n--> statement-breakpoint\nINSERT INTO missing_table VALUES (1);");
		MigratorJar.Result result = MigratorJar.run(this.dir, Map.of(), "migrate", "--dir", folder.path().toString(),
				"--url", db.url(), "--user", db.username(), "--password=" + ((db.password() == null) ? "" : db.password()));
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.out()).contains("Applied migration 0000_ok");
		assertThat(result.err()).contains("error: Migration 0001_broken failed at statement 2 of 2 (line 3:1 of"
				+ " 0001_broken.sql, error at 3:13): ERROR: relation \"missing_table\" does not exist")
			.contains("action: Fix 0001_broken.sql (it was not applied, so editing it is safe) and start again.");
		assertThat(Sql.history(db)).hasSize(1);
		assertThat(Sql.tableExists(db, "b")).isFalse();
	}

	@Test
	void badOptionValuesAndAMissingFolderExitTwo() throws Exception {
		MigratorJar.Result badValue = MigratorJar.run(this.dir, Map.of(), "migrate", "--lock-retries", "many");
		assertThat(badValue.exitCode()).as(badValue.toString()).isEqualTo(2);
		assertThat(badValue.err()).contains("error: Invalid value for option '--lock-retries': 'many' is not an int")
			.contains("Run 'migrator migrate --help' for the options and examples.");
		MigratorJar.Result noFolder = MigratorJar.run(this.dir, Map.of("DATABASE_URL", "postgres://u@localhost/db"),
				"status", "--dir", "no-such-folder");
		assertThat(noFolder.exitCode()).as(noFolder.toString()).isEqualTo(2);
		assertThat(noFolder.err()).contains("error: The migrations folder no-such-folder does not exist");
	}

}
