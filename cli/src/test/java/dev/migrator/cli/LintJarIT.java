package dev.migrator.cli;

import java.nio.file.Path;
import java.util.Map;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint's settings and findings through the jar: status lists them, migrate prints them or stops on them. */
class LintJarIT {

	@TempDir
	Path dir;

	@Test
	void statusListsFindingsAndLintFailStopsMigrateBeforeAnythingRuns() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("cli_lint");
		Map<String, String> env = Map.of("DATABASE_URL", MigratorJar.postgresUrl(db));
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("drizzle"))
			.add("0000_orders", "CREATE TABLE orders (id int, customer text);\n"
					+ "INSERT INTO orders SELECT g, 'c' || g FROM generate_series(1, 20) g;");
		assertThat(MigratorJar.run(this.dir, env, "migrate").exitCode()).isZero();
		folder.add("0001_index", "CREATE INDEX orders_customer_idx ON orders (customer);");

		MigratorJar.Result status = MigratorJar.run(this.dir, env, "status", "--lint-large-table-rows", "10");
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.out()).contains("0001_index.sql:1:1: error [index-not-concurrent]");

		MigratorJar.Result failed = MigratorJar.run(this.dir, env, "migrate", "--lint", "fail",
				"--lint-large-table-rows", "10");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.err()).contains("0001_index.sql:1:1: error [index-not-concurrent]");
		assertThat(Sql.history(db)).hasSize(1);

		MigratorJar.Result unknownRule = MigratorJar.run(this.dir, env, "migrate", "--lint-rule", "no-such-rule=off");
		assertThat(unknownRule.exitCode()).as(unknownRule.toString()).isEqualTo(2);
		assertThat(unknownRule.err()).contains("no-such-rule");

		MigratorJar.Result warned = MigratorJar.run(this.dir, env, "migrate", "--lint-rule",
				"index-not-concurrent=warn", "--lint", "fail", "--lint-large-table-rows", "10");
		assertThat(warned.exitCode()).as(warned.toString()).isZero();
		assertThat(warned.err()).contains("0001_index.sql:1:1: warn [index-not-concurrent]");
		assertThat(Sql.history(db)).hasSize(2);
	}

	@Test
	void checkReportsLintErrorsAsWarningsUnlessStrict() throws Exception {
		MigrationsFolder.in(this.dir.resolve("drizzle"))
			.add("0000_orders", "CREATE TABLE orders (id int);")
			.add("0001_total", "ALTER TABLE orders ADD COLUMN total numeric NOT NULL;");
		MigratorJar.Result lenient = MigratorJar.run(this.dir, Map.of(), "check");
		assertThat(lenient.exitCode()).as(lenient.toString()).isZero();
		assertThat(lenient.out()).contains("warn[add-column-not-null]").contains("0001_total.sql:1");

		MigratorJar.Result strict = MigratorJar.run(this.dir, Map.of(), "check", "--strict", "--format", "github");
		assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
		assertThat(strict.out()).containsPattern("::error file=[^,]*0001_total.sql,line=1");
	}

}
