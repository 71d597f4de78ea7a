package dev.migrator.maven;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's goals in a real Maven build of a project that declares it: new, migrate against the embedded test
 * server, status, and check failing verify. One project goes through the steps a team takes, in order.
 */
class MavenPluginIT {

	@Test
	void newMigrateStatusAndCheckAreGoalsOfARealMavenBuild() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("maven_plugin");
		MavenBuild build = MavenBuild.project("goals");
		Path migrations = build.path().resolve("src/main/resources/db/migrations");

		MavenBuild.Result created = build.mvn(Map.of(), "migrator:new", "-Dname=add_x");
		assertThat(created.exitCode()).as(created.toString()).isZero();
		Path sql = migrations.resolve("0000_add_x.sql");
		assertThat(created.output()).contains("[INFO] src/main/resources/db/migrations/0000_add_x.sql\n");
		assertThat(sql).hasContent("-- Custom SQL migration file, put your code below! --");
		assertThat(migrations.resolve("meta/_journal.json")).content().contains("\"tag\": \"0000_add_x\"");
		Files.writeString(sql, "\nCREATE TABLE added_by_plugin (id int);", java.nio.file.StandardOpenOption.APPEND);

		MavenBuild.Result migrated = build.mvn(Map.of("DATABASE_URL", postgresUrl(db)), "migrator:migrate");
		assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
		assertThat(migrated.output()).containsPattern("\\[INFO\\] Applied migration 0000_add_x on \\S+ in \\d+ ms")
			.contains("sslmode=disable because localhost is a local host");
		assertThat(Sql.tableExists(db, "added_by_plugin")).isTrue();
		assertThat(Sql.history(db)).hasSize(1);

		Files.writeString(build.path().resolve(".env"), "DATABASE_URL=" + postgresUrl(db) + "\n");
		MavenBuild.Result status = build.mvn(Map.of(), "migrator:status");
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.output()).containsPattern("\\[INFO\\] 0\\s+0000_add_x\\s+APPLIED\\s")
			.contains("(URL from DATABASE_URL in " + build.path().resolve(".env") + ")");

		Files.writeString(migrations.resolve("0001_forgotten.sql"), "CREATE TABLE forgotten (id int);");
		MavenBuild.Result verify = build.mvn(Map.of(), "verify");
		assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
		assertThat(verify.output())
			.contains("[ERROR] error[unjournaled-file] src/main/resources/db/migrations/0001_forgotten.sql:1: ")
			.containsPattern("Failed to execute goal dev\\.migrator:migrator-maven-plugin:\\S+:check \\(check-migrations\\)"
					+ " on project goals: migrator check failed:\\s+\\[ERROR\\] error\\[unjournaled-file\\]"
					+ " src/main/resources/db/migrations/0001_forgotten.sql:1: ");

		// a URL given for the other goals does not make check connect, unless <database> says so
		Files.delete(migrations.resolve("0001_forgotten.sql"));
		MavenBuild.Result offline = build.mvn(Map.of(), "verify", "-Dmigrator.url=postgres://nobody@127.0.0.1:1/gone");
		assertThat(offline.exitCode()).as(offline.toString()).isZero();
		assertThat(offline.output()).doesNotContain("Connecting to");

		// the lint's settings reach the run: lint=fail stops a NOT NULL column without default on an existing table
		build.mvn(Map.of(), "migrator:new", "-Dname=add_flag");
		Files.writeString(migrations.resolve("0001_add_flag.sql"), "ALTER TABLE added_by_plugin ADD COLUMN flag int NOT NULL;");
		MavenBuild.Result linted = build.mvn(Map.of(), "migrator:migrate", "-Dmigrator.lint=fail");
		assertThat(linted.exitCode()).as(linted.toString()).isEqualTo(1);
		assertThat(linted.output()).contains("add-column-not-null").contains("Nothing was applied (migrator.lint.mode=fail)");
		assertThat(Sql.history(db)).hasSize(1);
	}

	/** The libpq URL of a test database on {@code localhost}, as a team's {@code DATABASE_URL} would be. */
	private static String postgresUrl(TestDatabase db) {
		String password = (db.password() == null) ? "" : ":" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8);
		return "postgres://" + URLEncoder.encode(db.username(), StandardCharsets.UTF_8) + password + "@"
				+ db.url().substring("jdbc:postgresql://".length()).replace("127.0.0.1", "localhost");
	}

}
