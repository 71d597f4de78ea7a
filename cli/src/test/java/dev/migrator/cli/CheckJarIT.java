package dev.migrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.DrizzleFixture;
import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar target/migrator.jar new|check}: the printed path, the report formats, and a database's history. */
class CheckJarIT {

	@TempDir
	Path dir;

	@Test
	void newPrintsThePathOfTheFileItWroteAndRefusesANameThatIsNotSnakeCase() throws Exception {
		MigratorJar.Result created = MigratorJar.run(this.dir, Map.of("MIGRATIONS_DIR", "db"), "new", "create_users");
		assertThat(created.exitCode()).as(created.toString()).isZero();
		assertThat(created.out()).isEqualTo("db/0000_create_users.sql\n");
		assertThat(this.dir.resolve("db/meta/_journal.json")).content().contains("\"tag\": \"0000_create_users\"");

		MigratorJar.Result refused = MigratorJar.run(this.dir, Map.of(), "new", "CreateUsers", "--dir", "db");
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
		assertThat(refused.err()).contains("error: The migration name 'CreateUsers' is not snake_case");
	}

	@Test
	void jsonParsesAndGithubLinesAreWorkflowCommands() throws Exception {
		Path folder = this.dir.resolve("drizzle");
		FileSystemUtils.copyRecursively(DrizzleFixture.migrations(), folder);
		Files.writeString(folder.resolve("0005_forgotten.sql"), "SELECT 1;");
		Files.writeString(folder.resolve("0004_add_tags_old.sql"), "SELECT 1;");

		MigratorJar.Result json = MigratorJar.run(this.dir, Map.of(), "check", "--dir", "drizzle", "--json");
		assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
		JsonNode report = JsonMapper.builder().build().readTree(json.out());
		assertThat(report.get("passed").booleanValue()).isFalse();
		assertThat(report.get("errors").intValue()).isEqualTo(1);
		assertThat(report.get("warnings").intValue()).isEqualTo(1);
		JsonNode error = report.get("findings").valueStream().filter((f) -> f.get("severity").stringValue().equals("error"))
			.findFirst()
			.orElseThrow();
		assertThat(error.get("rule").stringValue()).isEqualTo("unjournaled-file");
		assertThat(error.get("file").stringValue()).isEqualTo("drizzle/0005_forgotten.sql");
		assertThat(error.get("line").intValue()).isEqualTo(1);
		assertThat(error.get("fix").stringValue()).isNotBlank();

		MigratorJar.Result github = MigratorJar.run(this.dir, Map.of(), "check", "--dir", "./drizzle", "--format", "github");
		assertThat(github.exitCode()).as(github.toString()).isEqualTo(1);
		List<String> lines = github.out().lines().toList();
		assertThat(lines).hasSize(2)
			.allMatch((line) -> line.matches("::(error|warning) file=[^,:]+,line=\\d+,title=[^,:]+::[^\\n]+"));
		assertThat(lines).anyMatch((line) -> line.startsWith(
				"::warning file=drizzle/0004_add_tags_old.sql,line=1,title=migrator leftover-file::0004_add_tags_old.sql is"))
			.anyMatch((line) -> line.startsWith(
					"::error file=drizzle/0005_forgotten.sql,line=1,title=migrator unjournaled-file::0005_forgotten.sql is"));
	}

	@Test
	void withAUrlAModifiedMigrationExitsOneNamingIt() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("cli_check");
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("drizzle"))
			.add("0000_a", "CREATE TABLE a (id int);")
			.add("0001_b", "CREATE TABLE b (id int);");
		Map<String, String> env = Map.of("DATABASE_URL", MigratorJar.postgresUrl(db));
		MigratorJar.Result migrated = MigratorJar.run(this.dir, env, "migrate");
		assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
		folder.writeFile("0001_b.sql", "CREATE TABLE b (id bigint);");

		MigratorJar.Result offline = MigratorJar.run(this.dir, env, "check");
		assertThat(offline.exitCode()).as(offline.toString()).isZero();
		assertThat(offline.err()).doesNotContain("Connecting");

		MigratorJar.Result checked = MigratorJar.run(this.dir, Map.of(), "check", "--url", MigratorJar.postgresUrl(db));
		assertThat(checked.exitCode()).as(checked.toString()).isEqualTo(1);
		assertThat(checked.err()).contains("Connecting to localhost:");
		assertThat(checked.out()).contains("error[modified] drizzle/0001_b.sql:1: 0001_b.sql changed after it was applied"
				+ " to drizzle.__drizzle_migrations")
			.contains("1 error(s), 0 warning(s) in ./drizzle: the check fails");
	}

}
