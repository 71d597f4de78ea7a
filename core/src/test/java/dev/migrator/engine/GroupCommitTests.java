package dev.migrator.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.migrator.embedded.EmbeddedPostgres;
import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit on a server of its own, which the tests crash: every migration but a run's last commits without
 * waiting for the WAL flush, and the last one's flush makes them all durable.
 */
class GroupCommitTests {

	private static final int COUNT = 200;

	@TempDir
	Path dir;

	private static MigrationsFolder folder(Path dir) {
		MigrationsFolder folder = MigrationsFolder.in(dir);
		for (int i = 0; i < COUNT; i++) {
			folder.add(String.format("%04d_t%d", i, i), "CREATE TABLE t" + i + " (id int PRIMARY KEY, v text);\n"
					+ "INSERT INTO t" + i + " SELECT g, md5(g::text) FROM generate_series(1, 50) g;");
		}
		return folder;
	}

	private static PGSimpleDataSource dataSource(EmbeddedPostgres server) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(server.jdbcUrl("postgres"));
		dataSource.setUser(server.superuser());
		return dataSource;
	}

	private static String value(EmbeddedPostgres server, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.superuser(), "");
				ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	@Test
	void afterACrashMidRunEachMigrationIsPresentWithItsRowOrAbsentWithIt() throws Exception {
		Path data = this.dir.resolve("data");
		MigrationsFolder folder = folder(this.dir.resolve("migrations"));
		// a slow WAL writer, so that commits that did not wait are still in memory when the server dies
		List<String> settings = List.of("wal_writer_delay=10000", "autovacuum=off");
		EmbeddedPostgres server = EmbeddedPostgres.start(data, settings);
		try {
			Migrator migrator = new Migrator(dataSource(server), MigratorSettings.defaults(folder.location()),
					(ClassLoader) null);
			CompletableFuture<MigrationReport> run = CompletableFuture.supplyAsync(migrator::migrate);
			while (Integer.parseInt(value(server, "SELECT count(*) FROM pg_tables WHERE tablename ~ '^t[0-9]+$'")) < 60) {
				// a run that ended (failed or finished) before the crash cannot show anything
				assertThat(run).isNotDone();
				Thread.sleep(10);
			}
			server.crash();
			assertThat(run).failsWithin(java.time.Duration.ofSeconds(30));
		}
		finally {
			server.close();
		}
		EmbeddedPostgres restarted = EmbeddedPostgres.start(data, settings);
		try {
			int rows = Integer.parseInt(value(restarted, "SELECT count(*) FROM drizzle.__drizzle_migrations"));
			int tables = Integer.parseInt(value(restarted, "SELECT count(*) FROM pg_tables WHERE tablename ~ '^t[0-9]+$'"));
			System.out.println("Group commit crash: " + rows + " migrations recorded and " + tables
					+ " tables after recovery (at least 60 tables had been seen before the crash)");
			assertThat(tables).isEqualTo(rows);
			// the recorded ones are exactly the first ones, each table with its 50 rows
			for (int i = 0; i < rows; i++) {
				assertThat(value(restarted, "SELECT count(*) FROM t" + i)).isEqualTo("50");
			}
			assertThat(value(restarted, "SELECT to_regclass('t" + rows + "')")).isNull();
			MigrationReport rest = new Migrator(dataSource(restarted), MigratorSettings.defaults(folder.location()),
					(ClassLoader) null).migrate();
			assertThat(rest.applied()).hasSize(COUNT - rows);
			assertThat(value(restarted, "SELECT count(DISTINCT created_at) FROM drizzle.__drizzle_migrations"))
				.isEqualTo(Integer.toString(COUNT));
		}
		finally {
			restarted.close();
			FileSystemUtils.deleteRecursively(data);
		}
	}

	@Test
	void theRunsLastCommitIsFlushedBeforeItReturnsAndOneThatNeedNotWaitIsNot() throws Exception {
		Path data = this.dir.resolve("data");
		Files.createDirectories(data);
		// the WAL writer flushes rarely, so that only a waiting commit moves the flush position
		EmbeddedPostgres server = EmbeddedPostgres.start(data,
				List.of("wal_writer_delay=10000", "wal_writer_flush_after=1GB", "autovacuum=off"));
		try (Connection probe = DriverManager.getConnection(server.jdbcUrl("postgres"), server.superuser(), "")) {
			probe.createStatement().execute("CREATE TABLE lsn (tag text, at pg_lsn)");
			// each migration notes where the WAL stood inside its transaction, before its commit record
			MigrationsFolder folder = folder(this.dir.resolve("migrations"))
				.add("0200_last", "INSERT INTO lsn VALUES ('last', pg_current_wal_insert_lsn());");
			new Migrator(dataSource(server), MigratorSettings.defaults(folder.location()), (ClassLoader) null).migrate();
			assertThat(flushedPast(probe, "last")).as("the run's last commit waited for the flush").isTrue();

			// the control: a migration applied without waiting leaves its commit unflushed, until flush()
			MigrationsFolder more = MigrationsFolder.in(this.dir.resolve("more"))
				.add("0000_x", "INSERT INTO lsn VALUES ('async', pg_current_wal_insert_lsn());");
			Journal journal = Journal.read(MigrationSource.of(more.location(), null), Policy.OnUnjournaled.AUTO);
			try (Connection connection = dataSource(server).getConnection()) {
				HistoryStore history = new HistoryStore("audit", "history");
				history.ensureExists(connection);
				new Executor(history, MigratorSettings.defaults(more.location())).apply(connection,
						journal.migrations().get(0), false);
				assertThat(flushedPast(probe, "async")).as("a commit that did not wait").isFalse();
				history.flushCommits(connection);
				assertThat(flushedPast(probe, "async")).as("after flushCommits()").isTrue();
			}
		}
		finally {
			server.close();
			FileSystemUtils.deleteRecursively(data);
		}
	}

	private static boolean flushedPast(Connection probe, String tag) throws SQLException {
		try (ResultSet rs = probe.createStatement()
			.executeQuery("SELECT pg_current_wal_flush_lsn() > at FROM lsn WHERE tag = '" + tag + "'")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

}
