package dev.migrator.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time to a fresh migrated database, from scratch (CREATE DATABASE, then every migration) and from the template
 * ({@link TemplateDatabases#create}), for the sample app's migrations and for a generated folder of 500. A benchmark,
 * not a timed test: it runs only with {@code mvn -B -q -pl test -am -Pbenchmark verify}, prints both figures, and
 * fails if the template is not at least 10 times faster for the 500 migrations.
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
		lines.add(String.format(Locale.ROOT, "%-34s %10s %14s %14s %9s %16s", "migrations folder", "migrations",
				"from scratch", "from template", "speed-up", "template built"));
		lines.add(measure(server, "sample-app db/migrations", 8, "file:" + SAMPLE.toAbsolutePath().normalize(), 5, 20)
			.line());
		Row generated = measure(server, "generated", 500, generated500(), 3, 10);
		lines.add(generated.line());
		System.out.println();
		System.out.println("Time to a fresh migrated database (median; PostgreSQL of the tests, on "
				+ Runtime.getRuntime().availableProcessors() + " cores):");
		lines.forEach(System.out::println);
		System.out.println();
		Files.write(Path.of("target", "template-benchmark.txt"), lines);
		assertThat(generated.speedUp()).as("template speed-up for 500 migrations").isGreaterThanOrEqualTo(10);
	}

	/** One line: the median of several fresh databases each way. */
	private Row measure(PostgresServer server, String label, int count, String location, int scratchRuns,
			int templateRuns) {
		MigratorSettings settings = MigratorSettings.defaults(location);
		long scratch = median(scratchRuns, () -> fromScratch(server, settings));
		long built = time(() -> TemplateDatabases.drop(TemplateDatabases.create(server, settings, loader())));
		long template = median(templateRuns, () -> {
			long started = System.nanoTime();
			MigratedDatabase database = TemplateDatabases.create(server, settings, loader());
			long took = System.nanoTime() - started;
			TemplateDatabases.drop(database);
			return took;
		});
		double speedUp = (double) scratch / template;
		return new Row(String.format(Locale.ROOT, "%-34s %10d %11.1f ms %11.1f ms %8.1fx %13.1f ms", label, count,
				scratch / 1e6, template / 1e6, speedUp, built / 1e6), speedUp);
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

	/** 500 migrations as a long-lived service accumulates them: tables, indexes, columns and some data. */
	private String generated500() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("generated"));
		for (int i = 0; i < 500; i++) {
			String sql;
			if (i % 5 == 3) {
				sql = "ALTER TABLE t_" + (i - 3) + " ADD COLUMN note_" + i + " text;";
			}
			else if (i % 10 == 9) {
				sql = "INSERT INTO t_" + (i - 9) + " (name) SELECT 'row ' || g FROM generate_series(1, 100) AS g;";
			}
			else {
				sql = "CREATE TABLE t_" + i + " (\n\tid bigserial PRIMARY KEY,\n\tname text NOT NULL,\n"
						+ "\tcreated_at timestamptz NOT NULL DEFAULT now()\n);--> statement-breakpoint\nCREATE INDEX t_" + i
						+ "_name_idx ON t_" + i + " (name);";
			}
			folder.add(String.format(Locale.ROOT, "%04d_step_%d", i, i), sql);
		}
		return folder.location();
	}

	private record Row(String line, double speedUp) {
	}

	private static long median(int runs, Supplier<Long> run) {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			times.add(run.get());
		}
		times.sort(null);
		return times.get(runs / 2);
	}

	private static long time(Runnable work) {
		long started = System.nanoTime();
		work.run();
		return System.nanoTime() - started;
	}

	private static ClassLoader loader() {
		return TemplateBenchmark.class.getClassLoader();
	}

}
