package dev.migrator.engine.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.AppliedMigration;
import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.testsupport.MigrationsFolder;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server is the oracle: a generated file ({@link SqlFiles}) applied by Migrator leaves exactly the rows that its
 * known statements leave when each is sent alone. A statement cut in the wrong place fails or changes a value, and
 * a value PostgreSQL lexes differently from the generator's idea of it shows up as a difference too.
 *
 * <p>Steps of each try, on one database: empty the {@code fz} schema and the history, apply the file as migration
 * {@code 0000_fuzz}, read {@code fz.fuzz}; empty it again, send each known statement alone, read {@code fz.fuzz};
 * both reads must be equal and hold one row per statement that inserts.
 */
class SplitterServerOracleTests {

	private static TestDatabase db;

	/** The test's own connection: resets, reads, and the known statements sent alone. */
	private static Connection connection;

	@Property(tries = 200, seed = "1326", shrinking = ShrinkingMode.FULL)
	void migratorLeavesWhatTheKnownStatementsSentAloneLeave(@ForAll("files") SqlFile file) throws Exception {
		Path folder = Files.createTempDirectory("migrator-fuzz-");
		try {
			reset();
			MigrationsFolder migrations = MigrationsFolder.in(folder)
				.add("0000_fuzz", MigrationsFolder.FIRST_WHEN, file.text().getBytes(StandardCharsets.UTF_8));
			MigrationReport report = new Migrator(db.dataSource(), MigratorSettings.defaults(migrations.location()),
					(ClassLoader) null).migrate();
			assertThat(report.applied()).extracting(AppliedMigration::tag).containsExactly("0000_fuzz");
			List<List<String>> fromFile = rows();

			reset();
			try (Statement statement = connection.createStatement()) {
				statement.setEscapeProcessing(false);
				for (String sql : file.sql()) {
					statement.execute(sql);
				}
			}
			List<List<String>> alone = rows();
			assertThat(fromFile).isEqualTo(alone);
			assertThat(alone).hasSize((int) file.sql().stream().filter((sql) -> !sql.startsWith("CREATE")).count());
		}
		finally {
			delete(folder);
		}
	}

	@BeforeContainer
	static void database() throws SQLException {
		db = TestPostgres.newDatabase("fuzz");
		connection = db.connect();
	}

	@AfterContainer
	static void closeConnection() throws SQLException {
		connection.close();
	}

	@Provide
	Arbitrary<SqlFile> files() {
		return SqlFiles.files();
	}

	private static void reset() throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS fz CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE;"
					+ " CREATE SCHEMA fz; CREATE TABLE fz.fuzz (n int, v text)");
		}
	}

	private static List<List<String>> rows() throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT n, v FROM fz.fuzz ORDER BY n, v")) {
			while (rs.next()) {
				rows.add(Arrays.asList(rs.getString(1), rs.getString(2)));
			}
		}
		return rows;
	}

	private static void delete(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
