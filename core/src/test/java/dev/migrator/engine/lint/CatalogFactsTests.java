package dev.migrator.engine.lint;

import java.sql.Connection;
import java.util.OptionalLong;
import java.util.UUID;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Live facts from the catalog of a real PostgreSQL. */
class CatalogFactsTests {

	private static TestDatabase db;

	@BeforeAll
	static void tables() {
		db = TestPostgres.newDatabase("catalogfacts");
		Sql.execute(db, "CREATE SCHEMA app", "CREATE TABLE app.\"Orders\" (id int)",
				"INSERT INTO app.\"Orders\" SELECT g FROM generate_series(1, 300) g", "ANALYZE app.\"Orders\"",
				"CREATE VIEW app.recent AS SELECT * FROM app.\"Orders\"",
				// autovacuum off, so no background ANALYZE sets reltuples while the test runs
				"CREATE TABLE unanalyzed (id int) WITH (autovacuum_enabled = false)",
				"INSERT INTO unanalyzed SELECT g FROM generate_series(1, 5000) g",
				"CREATE TABLE events (id int, at date) PARTITION BY RANGE (at)",
				"CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
				"CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
				"INSERT INTO events SELECT g, DATE '2024-06-01' + (g % 400) FROM generate_series(1, 800) g",
				"ANALYZE events");
	}

	@Test
	void unqualifiedNamesFollowTheSearchPathAndOnlyTablesExist() throws Exception {
		try (Connection connection = db.connect()) {
			CatalogFacts facts = new CatalogFacts(connection, 1000);
			assertThat(facts.live()).isTrue();
			assertThat(facts.tableExists(new TableName("app", "Orders"))).isTrue();
			assertThat(facts.tableExists(TableName.of("Orders"))).isFalse();
			assertThat(facts.tableExists(new TableName("app", "orders"))).isFalse();
			assertThat(facts.tableExists(new TableName("app", "recent"))).isFalse();
			assertThat(facts.liveRows(TableName.of("missing"))).isEmpty();
			connection.createStatement().execute("SET search_path = app, public");
			assertThat(new CatalogFacts(connection, 1000).tableExists(TableName.of("Orders"))).isTrue();
		}
	}

	@Test
	void theNamesAreReadAtTheFirstQuestionSoATableCreatedAfterItStaysMissing() throws Exception {
		try (Connection connection = db.connect(); Connection other = db.connect()) {
			connection.createStatement().execute("CREATE TEMPORARY TABLE scratch (id int)");
			CatalogFacts facts = new CatalogFacts(connection, 1000);
			assertThat(facts.tableExists(TableName.of("later"))).isFalse();
			other.createStatement().execute("CREATE TABLE later (id int)");
			other.createStatement().execute("CREATE TABLE app.later_too (id int)");
			assertThat(facts.tableExists(TableName.of("later"))).isFalse();
			assertThat(facts.tableExists(new TableName("app", "later_too"))).isFalse();
			// the temporary schema is on search_path first, as to_regclass sees it
			assertThat(facts.tableExists(TableName.of("scratch"))).isTrue();
			assertThat(facts.tableExists(TableName.of("unanalyzed"))).isTrue();
			assertThat(facts.tableExists(new TableName("app", "recent"))).isFalse();
			// more relations than the limit: no names are read, and each table is asked about when it comes up
			CatalogFacts asking = new CatalogFacts(connection, 1000, 5);
			assertThat(asking.tableExists(new TableName("app", "later_too"))).isTrue();
			assertThat(asking.tableExists(TableName.of("scratch"))).isTrue();
			assertThat(asking.tableExists(new TableName("app", "recent"))).isFalse();
			assertThat(asking.tableExists(TableName.of("nowhere"))).isFalse();
			other.createStatement().execute("DROP TABLE later, app.later_too");
		}
	}

	@Test
	void analyzedTablesReportReltuplesAndTheirTotalSize() throws Exception {
		try (Connection connection = db.connect()) {
			CatalogFacts facts = new CatalogFacts(connection, 1000);
			assertThat(facts.liveRows(new TableName("app", "Orders"))).hasValue(300);
			assertThat(facts.totalBytes(new TableName("app", "Orders")))
				.hasValue(Long.parseLong(Sql.value(db, "SELECT pg_total_relation_size('app.\"Orders\"')")));
		}
	}

	@Test
	void neverAnalyzedTablesAreCountedButOnlyUpToOnePastTheLimit() throws Exception {
		assertThat(Sql.value(db, "SELECT reltuples FROM pg_class WHERE oid = 'unanalyzed'::regclass")).isEqualTo("-1");
		try (Connection connection = db.connect()) {
			assertThat(new CatalogFacts(connection, 1000).liveRows(TableName.of("unanalyzed"))).hasValue(1001);
			assertThat(new CatalogFacts(connection, 10_000).liveRows(TableName.of("unanalyzed"))).hasValue(5000);
		}
	}

	@Test
	void partitionedTablesSumTheirPartitions() throws Exception {
		try (Connection connection = db.connect()) {
			CatalogFacts facts = new CatalogFacts(connection, 1000);
			assertThat(facts.tableExists(TableName.of("events"))).isTrue();
			assertThat(facts.liveRows(TableName.of("events"))).hasValue(800);
			assertThat(facts.totalBytes(TableName.of("events")).orElseThrow()).isGreaterThan(0);
		}
	}

	@Test
	void aFailedCountInsideATransactionLeavesTheRowsUnknownAndTheTransactionUsable() throws Exception {
		// roles belong to the server, not the test database: a name of its own, dropped at the end
		String role = "lint_reader_" + UUID.randomUUID().toString().substring(0, 8);
		Sql.execute(db, "CREATE ROLE " + role, "GRANT USAGE ON SCHEMA public TO " + role);
		try (Connection connection = db.connect()) {
			connection.setAutoCommit(false);
			connection.createStatement().execute("SET LOCAL ROLE " + role);
			assertThat(new CatalogFacts(connection, 1000).liveRows(TableName.of("unanalyzed")))
				.isEqualTo(OptionalLong.empty());
			assertThat(connection.createStatement().executeQuery("SELECT 1").next()).isTrue();
			connection.rollback();
		}
		finally {
			Sql.execute(db, "DROP OWNED BY " + role, "DROP ROLE " + role);
		}
	}

}
