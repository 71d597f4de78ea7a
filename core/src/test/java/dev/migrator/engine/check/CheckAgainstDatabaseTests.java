package dev.migrator.engine.check;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.Hashes;
import dev.migrator.engine.MigrationSource;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.engine.Policy;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@link Check#against}: the folder compared with a real database's history, under the policies. */
class CheckAgainstDatabaseTests {

	@TempDir
	Path dir;

	@Test
	void modifiedPendingOutOfOrderAndUnknownAreRankedByThePolicies() {
		TestDatabase db = TestPostgres.newDatabase("check_plan");
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_a", "CREATE TABLE a (id int);")
			.add("0001_b", "CREATE TABLE b (id int);")
			.add("0002_c", "CREATE TABLE c (id int);");
		migrator(db, folder, Policy.DEFAULT).migrate();
		Sql.execute(db, "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('abc', 42)");
		Sql.execute(db, "DELETE FROM drizzle.__drizzle_migrations WHERE created_at = " + MigrationsFolder.FIRST_WHEN);
		folder.writeFile("0001_b.sql", "CREATE TABLE b (id bigint);");
		folder.add("0003_d", "CREATE TABLE d (id int);");

		CheckReport report = against(db, folder, Policy.DEFAULT);
		assertThat(report.findings()).extracting(CheckFinding::rule, CheckFinding::severity, CheckFinding::file)
			.containsExactly(tuple("out-of-order", Severity.ERROR, "0000_a.sql"),
					tuple("modified", Severity.ERROR, "0001_b.sql"), tuple("pending", Severity.WARN, "0003_d.sql"),
					tuple("unknown-row", Severity.WARN, "."));
		assertThat(report.findings().get(1).message()).contains("0001_b.sql changed after it was applied");
		assertThat(report.findings().get(1).fix()).contains("migrator repair --tag 0001_b --yes");

		CheckReport relaxed = against(db, folder,
				new Policy(Policy.OutOfOrder.APPLY, Policy.OnProblem.WARN, Policy.OnUnjournaled.AUTO));
		assertThat(relaxed.passed()).isTrue();
		assertThat(relaxed.warnings()).isEqualTo(4);
	}

	@Test
	void anAppliedMigrationIsNoLongerJudgedByHowItRuns() {
		TestDatabase db = TestPostgres.newDatabase("check_applied");
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_mixed", "CREATE TABLE m (id int);");
		migrator(db, folder, Policy.DEFAULT).migrate();
		String mixed = "CREATE TABLE m (id int);\n--> statement-breakpoint\nCREATE INDEX CONCURRENTLY m_id ON m (id);";
		folder.writeFile("0000_mixed.sql", mixed);
		Sql.execute(db, "UPDATE drizzle.__drizzle_migrations SET hash = encode(sha256(convert_to('" + mixed.replace("'", "''")
				+ "', 'UTF8')), 'hex')");

		assertThat(Check.folder(source(folder), Policy.DEFAULT, Instant.now()).has("mixed-transaction")).isTrue();
		assertThat(against(db, folder, Policy.DEFAULT).findings()).isEmpty();
	}

	@Test
	void anEmptyFileIsAnErrorWhenPendingAndAnEmptyOrTooLargeOneNothingOnceApplied() {
		TestDatabase db = TestPostgres.newDatabase("check_emptied");
		String load = "INSERT INTO e VALUES (1);\n" + " ".repeat(17 * 1024 * 1024);
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", "CREATE TABLE e (id int);");
		migrator(db, folder, Policy.DEFAULT).migrate();
		// as Drizzle's runner applies them: an unfilled file and a large one, recorded with their hashes
		folder.add("0001_applied_empty", "-- filled in later\n").add("0002_applied_load", load);
		Sql.execute(db, "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('"
				+ sha256("-- filled in later\n") + "', " + (MigrationsFolder.FIRST_WHEN + 1000) + "), ('" + sha256(load)
				+ "', " + (MigrationsFolder.FIRST_WHEN + 2000) + ")");
		folder.add("0003_pending_empty", "-- to be filled in\n");

		assertThat(Check.folder(source(folder), Policy.DEFAULT, Instant.now()).findings())
			.extracting(CheckFinding::rule, CheckFinding::severity, CheckFinding::file)
			.containsExactlyInAnyOrder(tuple("empty-migration", Severity.WARN, "0001_applied_empty.sql"),
					tuple("file-too-large", Severity.ERROR, "0002_applied_load.sql"),
					tuple("empty-migration", Severity.WARN, "0003_pending_empty.sql"));
		assertThat(against(db, folder, Policy.DEFAULT).findings())
			.extracting(CheckFinding::rule, CheckFinding::severity, CheckFinding::file)
			.containsExactlyInAnyOrder(tuple("empty-migration", Severity.ERROR, "0003_pending_empty.sql"),
					tuple("pending", Severity.WARN, "0003_pending_empty.sql"));
	}

	private static String sha256(String text) {
		return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	private static CheckReport against(TestDatabase db, MigrationsFolder folder, Policy policy) {
		CheckReport report = Check.folder(source(folder), policy, Instant.now());
		return Check.against(report, migrator(db, folder, policy).status(), policy);
	}

	private static Migrator migrator(TestDatabase db, MigrationsFolder folder, Policy policy) {
		return new Migrator(db.dataSource(), MigratorSettings.defaults(folder.location()).withPolicy(policy),
				source(folder));
	}

	private static MigrationSource source(MigrationsFolder folder) {
		return MigrationSource.of(folder.location(), null);
	}

}
