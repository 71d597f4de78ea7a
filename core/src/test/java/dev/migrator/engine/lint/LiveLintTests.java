package dev.migrator.engine.lint;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.Journal;
import dev.migrator.engine.MigrationSource;
import dev.migrator.engine.Policy;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The lint with live facts: a table above {@code migrator.lint.large-table-rows} (lowered here to 1000) turns the
 * rules that escalate into errors; a table the database does not have yet is new.
 */
class LiveLintTests {

	private static final LintSettings SETTINGS = LintSettings.DEFAULTS.withLargeTableRows(1000);

	private static TestDatabase db;

	@TempDir
	Path dir;

	@BeforeAll
	static void tables() {
		db = TestPostgres.newDatabase("livelint");
		Sql.execute(db, "CREATE TABLE big (id int, region text)",
				"INSERT INTO big SELECT g, 'eu' FROM generate_series(1, 1500) g", "ANALYZE big",
				"CREATE TABLE small (id int, region text)",
				"INSERT INTO small SELECT g, 'eu' FROM generate_series(1, 20) g", "ANALYZE small");
	}

	private static List<Finding> live(String sql) throws Exception {
		try (Connection connection = db.connect()) {
			return LintFixture.lint(sql, SETTINGS, new CatalogFacts(connection, SETTINGS.largeTableRows()));
		}
	}

	@Test
	void indexOnATableAboveTheThresholdIsAnErrorWithItsSize() throws Exception {
		List<Finding> findings = live("CREATE INDEX big_region_idx ON big (region);\nCREATE INDEX ON small (region);");
		assertThat(findings).extracting(Finding::rule, Finding::line, Finding::severity)
			.containsExactly(tuple("index-not-concurrent", 1, Severity.ERROR),
					tuple("index-not-concurrent", 2, Severity.WARN));
		assertThat(findings.get(0).message()).contains("(big: about 1500 live rows, ")
			.endsWith(" kB, more than migrator.lint.large-table-rows=1000).");
		assertThat(findings.get(1).message()).matches(".* \\(small: about 20 live rows, \\d+ kB\\)\\.");
	}

	@Test
	void aLevelSetForTheRuleWinsOverTheEscalation() throws Exception {
		try (Connection connection = db.connect()) {
			LintSettings settings = SETTINGS.withRule("index-not-concurrent", LintSettings.RuleLevel.WARN);
			assertThat(LintFixture.lint("CREATE INDEX ON big (region)", settings, new CatalogFacts(connection, 1000)))
				.extracting(Finding::severity).containsExactly(Severity.WARN);
		}
	}

	@Test
	void backfillsOnALargeTableAreFindingsAndWithoutWhereErrors() throws Exception {
		assertThat(live("UPDATE big SET region = 'us' WHERE id < 10;\nUPDATE big SET region = 'us';\n"
				+ "UPDATE small SET region = 'us' WHERE id < 10;"))
			.extracting(Finding::rule, Finding::line, Finding::severity)
			.containsExactly(tuple("unbounded-backfill", 1, Severity.WARN),
					tuple("unbounded-backfill", 2, Severity.ERROR));
	}

	@Test
	void aRenamedTableKeepsItsFactsAndAMissingTableIsNew() throws Exception {
		assertThat(live("ALTER TABLE big RENAME TO huge;\nALTER TABLE huge ALTER COLUMN region SET NOT NULL;\n"
				+ "CREATE INDEX ON not_there_yet (id);\nDROP TABLE IF EXISTS not_there_either;"))
			.extracting(Finding::rule, Finding::severity)
			.containsExactly(tuple("rename-table", Severity.WARN), tuple("set-not-null", Severity.ERROR));
	}

	@Test
	void aTableAPendingMigrationCreatesIsNewLiveButExistsOffline() throws Exception {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_orders", "CREATE TABLE orders (id int, total int);")
			.add("0001_orders_total_idx", "-- migrator:allow drop-table big is a test table\nDROP TABLE big;\n"
					+ "CREATE INDEX orders_total_idx ON orders (total);");
		MigrationSource source = MigrationSource.of(folder.location(), getClass().getClassLoader());
		Journal journal = Journal.read(source, Policy.OnUnjournaled.FAIL);
		Linter linter = new Linter(SETTINGS);
		try (Connection connection = db.connect()) {
			assertThat(linter.lint(journal.migrations(), source, new CatalogFacts(connection, 1000))).isEmpty();
		}
		assertThat(linter.lint(journal.migrations(), source, DatabaseFacts.none()))
			.extracting(Finding::file, Finding::line, Finding::rule)
			.containsExactly(tuple("0001_orders_total_idx.sql", 3, "index-not-concurrent"));
	}

}
