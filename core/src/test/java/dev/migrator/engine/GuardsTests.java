package dev.migrator.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.jdbc.PreferQueryMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * INVALID indexes, statement timeouts, the settings each transaction runs under and the lock-free fast path, on a real
 * PostgreSQL.
 */
class GuardsTests {

	@TempDir
	Path dir;

	private TestDatabase db;

	@BeforeEach
	void freshDatabase() {
		this.db = TestPostgres.newDatabase("guards");
	}

	private Migrator migrator(MigratorSettings settings) {
		return new Migrator(this.db.dataSource(), settings, (ClassLoader) null);
	}

	private Migrator migrator(MigrationsFolder folder) {
		return migrator(MigratorSettings.defaults(folder.location()));
	}

	@Test
	void failedUniqueConcurrentIndexIsNotRecordedAndTheNextRunRebuildsTheInvalidLeftover() throws Exception {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_tokens", "CREATE TABLE tokens (id int, symbol text);\nINSERT INTO tokens VALUES (1, 'ETH'), (2, 'ETH');")
			.add("0001_unique_symbol", "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS tokens_symbol_idx ON tokens (symbol);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(folder).migrate())
			.withMessageContaining("0001_unique_symbol failed at statement 1 of 1")
			.withMessageContaining("[SQLSTATE 23505]")
			.withMessageContaining("The failed build left the INVALID index public.tokens_symbol_idx.")
			.satisfies((ex) -> assertThat(ex.action()).contains("The next run drops public.tokens_symbol_idx"));
		assertThat(Sql.value(this.db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'tokens_symbol_idx'::regclass"))
			.isEqualTo("f");
		assertThat(Sql.history(this.db)).hasSize(1);

		Sql.execute(this.db, "UPDATE tokens SET symbol = 'WETH' WHERE id = 2");
		assertThat(migrator(folder).migrate().applied()).extracting(AppliedMigration::tag)
			.containsExactly("0001_unique_symbol");
		assertThat(Sql.value(this.db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'tokens_symbol_idx'::regclass"))
			.isEqualTo("t");
		assertThat(Sql.history(this.db)).hasSize(2);
		assertThat(migrator(folder).migrate().applied()).isEmpty();
	}

	@Test
	void concurrentIndexesWhoseNamesPostgresqlCutsOrKeepsInCapitalsAreFoundAndRecorded() {
		String longName = "organization_membership_invitations_organization_id_invited_email_address_idx";
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_tables", "CREATE TABLE organization_membership_invitations (organization_id int, email text);\n"
					+ "CREATE TABLE \"Ärzte\" (name text);")
			.add("0001_long", "CREATE INDEX CONCURRENTLY " + longName + " ON organization_membership_invitations"
					+ " (organization_id, email);")
			.add("0002_quoted_long", "CREATE INDEX CONCURRENTLY \"" + longName.toUpperCase(Locale.ROOT) + "\" ON"
					+ " organization_membership_invitations (email);")
			.add("0003_non_ascii", "CREATE INDEX CONCURRENTLY Ärzte_Name_idx ON \"Ärzte\" (name);");
		assertThat(migrator(folder).migrate().applied()).extracting(AppliedMigration::tag)
			.containsExactly("0000_tables", "0001_long", "0002_quoted_long", "0003_non_ascii");
		// PostgreSQL keeps 63 bytes of a name and folds only A-Z of a bare word
		assertThat(Sql.value(this.db, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
				+ " WHERE i.indisvalid AND c.relname IN ('" + longName.substring(0, 63) + "', '"
				+ longName.toUpperCase(Locale.ROOT).substring(0, 63) + "', 'Ärzte_name_idx')")).isEqualTo("3");
		assertThat(Sql.history(this.db)).hasSize(4);
		assertThat(migrator(folder).migrate().applied()).isEmpty();
	}

	@Test
	void invalidLeftoverStopsTheRunWhenDroppingIsNotAllowed() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_t", "CREATE TABLE \"Items\" (id int);\nINSERT INTO \"Items\" VALUES (1), (1);");
		migrator(folder).migrate();
		Sql.execute(this.db, "DELETE FROM \"Items\"", "INSERT INTO \"Items\" VALUES (1), (1)");
		try {
			Sql.execute(this.db, "CREATE UNIQUE INDEX CONCURRENTLY \"Items_id\" ON \"Items\" (id)");
		}
		catch (IllegalStateException expected) {
			// leaves "Items_id" INVALID, as a crashed earlier attempt would
		}
		Sql.execute(this.db, "DELETE FROM \"Items\" WHERE ctid = (SELECT max(ctid) FROM \"Items\")");
		folder.add("0001_index", "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Items_id\" ON \"Items\" (id);");
		MigratorSettings keep = MigratorSettings.defaults(folder.location())
			.withGuards(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(2), false);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(keep).migrate())
			.withMessageContaining("an INVALID index of that name is left from an earlier failed attempt")
			.withMessageContaining("public.\"Items_id\"")
			.satisfies((ex) -> assertThat(ex.action()).contains("DROP INDEX CONCURRENTLY public.\"Items_id\""));
		assertThat(Sql.history(this.db)).hasSize(1);
		// without the guard, IF NOT EXISTS would have "succeeded" on the INVALID index
		assertThat(migrator(folder).migrate().applied()).hasSize(1);
		assertThat(Sql.value(this.db, "SELECT indisvalid FROM pg_index WHERE indexrelid = '\"Items_id\"'::regclass"))
			.isEqualTo("t");
	}

	@Test
	void statementTimeoutStopsASlowMigrationNamingSqlstate57014() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_slow", "CREATE TABLE slow (id int);\nSELECT pg_sleep(5);");
		MigratorSettings settings = MigratorSettings.defaults(folder.location())
			.withGuards(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(2), true);
		long started = System.nanoTime();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(settings).migrate())
			.withMessageContaining("failed at statement 2 of 2")
			.withMessageContaining("[SQLSTATE 57014]")
			.satisfies((ex) -> assertThat(ex.action()).contains("longer than migrator.statement-timeout (PT1S)"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
		assertThat(Sql.tableExists(this.db, "slow")).isFalse();
		assertThat(Sql.value(this.db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

	@Test
	void statementTimeoutAlsoBoundsAutocommitStatementsAndIsPutBackAfterwards() throws Exception {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_t", "CREATE TABLE t (id int);")
			.add("0001_vacuum", "COMMIT;\nVACUUM t;\nSELECT pg_sleep(5);");
		MigratorSettings settings = MigratorSettings.defaults(folder.location())
			.withGuards(Duration.ofMillis(800), Duration.ofSeconds(10), Duration.ZERO, true);
		try (Connection connection = this.db.connect()) {
			Migrator migrator = new Migrator(new SingleConnectionDataSource(connection), settings, (ClassLoader) null);
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
				.withMessageContaining("[SQLSTATE 57014]");
			try (var rs = connection.createStatement().executeQuery("SHOW statement_timeout")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("0");
			}
		}
		assertThat(Sql.history(this.db)).hasSize(1);
	}

	@Test
	void upToDateMigratorReturnsAtOnceWhileAnotherHoldsTheLockAndOneWithWorkWaits() throws Exception {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", "CREATE TABLE a (id int);");
		migrator(folder).migrate();
		MigratorSettings shortWait = MigratorSettings.defaults(folder.location())
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), 3);
		try (Connection holder = this.db.connect()) {
			holder.createStatement()
				.execute("SELECT pg_advisory_lock(" + MigrationLock.key("drizzle", "__drizzle_migrations") + ")");
			long started = System.nanoTime();
			MigrationReport report = migrator(shortWait).migrate();
			assertThat(report.applied()).isEmpty();
			assertThat(report.alreadyApplied()).isEqualTo(1);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

			folder.add("0001_more", "CREATE TABLE b (id int);");
			CompletableFuture<MigrationReport> waiting = CompletableFuture.supplyAsync(() -> migrator(shortWait).migrate());
			Thread.sleep(500);
			assertThat(waiting).isNotDone();
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(LockTimeoutException.class);
		}
		assertThat(Sql.tableExists(this.db, "b")).isFalse();
		assertThat(migrator(folder).migrate().applied()).extracting(AppliedMigration::tag).containsExactly("0001_more");
	}

	@Test
	void sessionGetsTheClientCheckIntervalOnlyForTheRun() throws Exception {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_probe", "CREATE TABLE probe AS SELECT current_setting('client_connection_check_interval') AS v;");
		try (Connection connection = this.db.connect()) {
			new Migrator(new SingleConnectionDataSource(connection), MigratorSettings.defaults(folder.location()),
					(ClassLoader) null).migrate();
			try (var rs = connection.createStatement().executeQuery("SHOW client_connection_check_interval")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("0");
			}
		}
		assertThat(Sql.value(this.db, "SELECT v FROM probe")).isEqualTo("2s");
		Files.deleteIfExists(this.dir.resolve("unused"));
		assertThat(List.of(Sql.value(this.db, "SELECT count(*) FROM drizzle.__drizzle_migrations"))).containsExactly("1");
	}

	@Test
	void eachTransactionRunsUnderItsSettingsAndOnlyTheLastWaitsForTheFlush() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_first", "CREATE TABLE first_probe AS SELECT current_setting('lock_timeout') AS lt,"
					+ " current_setting('synchronous_commit') AS sc;")
			.add("0001_last", "CREATE TABLE last_probe AS SELECT current_setting('lock_timeout') AS lt,"
					+ " current_setting('synchronous_commit') AS sc;");
		migrator(folder).migrate();
		assertThat(Sql.value(this.db, "SELECT lt || ' ' || sc FROM first_probe")).isEqualTo("10s off");
		assertThat(Sql.value(this.db, "SELECT lt || ' ' || sc FROM last_probe")).isEqualTo("10s on");
		assertThat(Sql.history(this.db)).hasSize(2);
	}

	@Test
	void aMigrationWhoseCommitFailsIsNeitherKeptNorRecorded() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_nodes", "CREATE TABLE nodes (id int PRIMARY KEY, parent int REFERENCES nodes DEFERRABLE INITIALLY"
					+ " DEFERRED);")
			.add("0001_orphan", "CREATE TABLE orphan_marker (id int);\n--> statement-breakpoint\n"
					+ "INSERT INTO nodes VALUES (1, 2);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(folder).migrate())
			.withMessageContaining("0001_orphan failed at recording it in the history table or committing it")
			.withMessageContaining("[SQLSTATE 23503]")
			.withMessageContaining("Nothing of 0001_orphan was kept");
		assertThat(Sql.tableExists(this.db, "orphan_marker")).isFalse();
		assertThat(Sql.value(this.db, "SELECT count(*) FROM nodes")).isEqualTo("0");
		assertThat(Sql.history(this.db)).hasSize(1);
	}

	@Test
	void withPgjdbcsSimpleQueryModeTheSettingsStillApplyAndAnErrorStillPointsIntoItsStatement() {
		PGSimpleDataSource simple = this.db.dataSource();
		simple.setPreferQueryMode(PreferQueryMode.SIMPLE);
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_probe", "CREATE TABLE probe AS SELECT current_setting('lock_timeout') AS lt,"
					+ " current_setting('synchronous_commit') AS sc;")
			.add("0001_broken", "CREATE VIEW broken AS SELECT no_such_column FROM probe;");
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> new Migrator(simple, MigratorSettings.defaults(folder.location()), (ClassLoader) null)
				.migrate())
			.withMessageContaining("0001_broken failed at statement 1 of 1 (line 1:1 of 0001_broken.sql, error at 1:30)")
			.withMessageContaining("Nothing of 0001_broken was kept");
		assertThat(Sql.value(this.db, "SELECT lt || ' ' || sc FROM probe")).isEqualTo("10s off");
		assertThat(Sql.history(this.db)).hasSize(1);
		assertThat(Sql.value(this.db, "SELECT count(*) FROM pg_views WHERE viewname = 'broken'")).isEqualTo("0");
	}

}
