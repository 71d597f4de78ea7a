package dev.migrator.engine;

import java.nio.file.Path;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.lint.LintSettings;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The lint as a run uses it: pending migrations only, against the live database, before anything is applied. */
class LintRunTests {

	@TempDir
	Path dir;

	private TestDatabase db;

	private MigrationsFolder folder;

	@BeforeEach
	void tableWithRows() {
		this.db = TestPostgres.newDatabase("lintrun");
		this.folder = MigrationsFolder.in(this.dir)
			.add("0000_orders", "CREATE TABLE orders (id int, customer text);\n"
					+ "INSERT INTO orders SELECT g, 'c' || g FROM generate_series(1, 50) g;");
		migrator(LintSettings.DEFAULTS).migrate();
		this.folder.add("0001_index", "CREATE INDEX orders_customer_idx ON orders (customer);")
			.add("0002_more", "CREATE TABLE more (id int);");
	}

	private Migrator migrator(LintSettings lint) {
		return new Migrator(this.db.dataSource(), MigratorSettings.defaults(this.folder.location()).withLint(lint),
				(ClassLoader) null);
	}

	@Test
	void failModeWithAnErrorFindingAppliesNothingOfTheRun() {
		LintSettings fail = LintSettings.DEFAULTS.withMode(LintSettings.Mode.FAIL).withLargeTableRows(10);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator(fail).migrate())
			.withMessageContaining("0001_index.sql:1:1: error [index-not-concurrent]")
			.satisfies((ex) -> assertThat(ex.action()).contains("migrator:allow").contains("(migrator.lint.mode=fail)"));
		assertThat(Sql.history(this.db)).hasSize(1);
		assertThat(Sql.tableExists(this.db, "more")).isFalse();
	}

	@Test
	void warnModeAppliesAndReportsTheFindingAndBelowTheThresholdItIsAWarning() {
		LintSettings failButSmall = LintSettings.DEFAULTS.withMode(LintSettings.Mode.FAIL);
		MigrationReport report = migrator(failButSmall).migrate();
		assertThat(report.applied()).hasSize(2);
		assertThat(report.warnings()).singleElement().asString().startsWith("0001_index.sql:1:1: warn [index-not-concurrent]");
	}

	@Test
	void statusShowsFindingsOfPendingMigrationsOnlyInTheReport() {
		LintSettings lint = LintSettings.DEFAULTS.withLargeTableRows(10);
		JsonNode json = JsonMapper.builder().build()
			.readTree(MigrationsStatus.of(migrator(lint).status()).toJson());
		assertThat(json.get("migrations").get(0).has("findings")).isFalse();
		JsonNode finding = json.get("migrations").get(1).get("findings").get(0);
		assertThat(finding.get("rule").stringValue()).isEqualTo("index-not-concurrent");
		assertThat(finding.get("severity").stringValue()).isEqualTo("ERROR");
		assertThat(finding.get("line").asInt()).isEqualTo(1);
		assertThat(json.get("migrations").get(2).has("findings")).isFalse();
	}

	@Test
	void offSkipsTheLint() {
		MigrationReport report = migrator(LintSettings.DEFAULTS.withMode(LintSettings.Mode.OFF)).migrate();
		assertThat(report.applied()).hasSize(2);
		assertThat(report.warnings()).isEmpty();
	}

}
