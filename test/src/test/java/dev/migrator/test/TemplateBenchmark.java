package dev.migrator.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time to a fresh migrated database for the sample app's migrations and for a generated folder of 500, three ways:
 * from scratch (CREATE DATABASE, then every migration); a copy of the template made when asked (tests asking back
 * to back); and the spare copy made in the background while the previous test ran ({@link Spares}). A benchmark,
 * not a timed test: it runs only with {@code mvn -B -q -pl test -am -Pbenchmark verify}, prints the figures (also to
 * {@code test/target/template-benchmark.txt}), and fails if a test that gets the spare does not get its database at
 * least 10 times faster than migrating from scratch, for the 500 migrations.
 */
@Tag("benchmark")
class TemplateBenchmark {

	private static final Path SAMPLE = Path.of("../sample-app/src/main/resources/db/migrations");

	@TempDir
	Path dir;

	@Test
	void templateVersusFromScratch() throws IOException {
		PostgresServer server = TestServer.server();
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "%-24s %5s %14s %14s %9s %14s %9s %14s", "migrations folder", "count",
				"from scratch", "copy on ask", "speed-up", "spare ready", "speed-up", "template built"));
		lines.add(measure(server, "sample-app db/migrations", 8, "file:" + SAMPLE.toAbsolutePath().normalize(), 5, 15)
			.line());
		Row generated = measure(server, "generated", 500, generated500(), 3, 9);
		lines.add(generated.line());
		lines.add("(medians; PostgreSQL " + System.getProperty("postgres.version", "") + " of the tests, fsync off, on "
				+ Runtime.getRuntime().availableProcessors() + " cores)");
		System.out.println();
		System.out.println("Time to a fresh migrated database:");
		lines.forEach(System.out::println);
		System.out.println();
		Files.write(Path.of("target", "template-benchmark.txt"), lines);
		// what a test waits for in a suite: the spare, made while the previous test ran
		assertThat(generated.spareSpeedUp()).as("template speed-up for 500 migrations, spare ready")
			.isGreaterThanOrEqualTo(10);
	}

	private Row measure(PostgresServer server, String label, int count, String location, int scratchRuns,
			int templateRuns) {
		MigratorSettings settings = MigratorSettings.defaults(location);
		long scratch = median(scratchRuns, () -> fromScratch(server, settings));
		long started = System.nanoTime();
		MigratedDatabase first = TemplateDatabases.create(server, settings, loader());
		long built = System.nanoTime() - started;
		TemplateDatabases.drop(first);
		long spare = median(templateRuns, () -> {
			awaitSpare(server, first.template()); // as the previous test's run would
			return fromTemplate(server, settings);
		});
		System.setProperty(Spares.PROPERTY, "false");
		try {
			TemplateDatabases.drop(TemplateDatabases.create(server, settings, loader())); // uses up the last spare
			long copy = median(templateRuns, () -> fromTemplate(server, settings));
			return new Row(String.format(Locale.ROOT, "%-24s %5d %11.1f ms %11.1f ms %8.1fx %11.1f ms %8.0fx %11.1f ms",
					label, count, scratch / 1e6, copy / 1e6, (double) scratch / copy, spare / 1e6,
					(double) scratch / spare, built / 1e6), (double) scratch / spare);
		}
		finally {
			System.clearProperty(Spares.PROPERTY);
		}
	}

	/** CREATE DATABASE and every migration, as a test without the template would; the drop is not timed. */
	private static long fromScratch(PostgresServer server, MigratorSettings settings) {
		long started = System.nanoTime();
		TestPostgres.TestDatabase database = TestPostgres.newDatabase("scratch");
		new Migrator(database.dataSource(), settings, loader()).migrate();
		long took = System.nanoTime() - started;
		try (Connection connection = server.connect()) {
			connection.createStatement()
				.execute("DROP DATABASE " + database.url().replaceAll(".*/([^/?]+).*", "$1") + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return took;
	}

	/** A database from the template; the drop is not timed. */
	private static long fromTemplate(PostgresServer server, MigratorSettings settings) {
		long started = System.nanoTime();
		MigratedDatabase database = TemplateDatabases.create(server, settings, loader());
		long took = System.nanoTime() - started;
		TemplateDatabases.drop(database);
		return took;
	}

	private static void awaitSpare(PostgresServer server, String template) {
		try {
			TemplateDatabases.awaitSpare(server, template);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * 500 migrations as a long-lived service accumulates them: every ten, two new tables (the second referencing the
	 * first) and eight changes to the newest one: columns with defaults, rows, an index, a backfill, a check
	 * constraint, a view and a comment. That makes 100 tables, as many histories of this length have.
	 */
	private String generated500() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("generated"));
		String table = null;
		for (int i = 0; i < 500; i++) {
			String sql = switch (i % 10) {
				case 0, 5 -> "CREATE TABLE t_" + i + " (\n\tid bigserial PRIMARY KEY,\n\tname text NOT NULL,\n"
						+ "\tcreated_at timestamptz NOT NULL DEFAULT now()"
						+ ((table != null) ? ",\n\tparent_id bigint REFERENCES " + table + " (id)" : "") + "\n);";
				case 1, 6 -> "ALTER TABLE " + table + " ADD COLUMN status_" + i + " text NOT NULL DEFAULT 'new';";
				case 2 -> "INSERT INTO " + table + " (name) SELECT 'row ' || g FROM generate_series(1, 200) AS g;";
				case 3 -> "CREATE INDEX " + table + "_name_" + i + "_idx ON " + table + " (name);";
				case 4 -> "UPDATE " + table + " SET name = upper(name) WHERE id % 2 = 0;";
				case 7 -> "ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_name_" + i
						+ "_check CHECK (length(name) < 200);";
				case 8 -> "CREATE OR REPLACE VIEW " + table + "_v AS SELECT id, name FROM " + table + ";";
				default -> "COMMENT ON TABLE " + table + " IS 'step " + i + "';";
			};
			if (i % 5 == 0) {
				table = "t_" + i;
			}
			folder.add(String.format(Locale.ROOT, "%04d_step_%d", i, i), sql);
		}
		return folder.location();
	}

	private static long median(int runs, LongSupplier run) {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			times.add(run.getAsLong());
		}
		times.sort(null);
		return times.get(runs / 2);
	}

	private record Row(String line, double spareSpeedUp) {
	}

	private static ClassLoader loader() {
		return TemplateBenchmark.class.getClassLoader();
	}

}
