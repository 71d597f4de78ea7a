package dev.migrator.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole benchmark on a tiny set, once: every phase runs its child JVMs and the table has every row. */
class HarnessTests {

	@TempDir
	Path work;

	@Test
	void tinyRunPrintsEveryMeasurementAndWritesResults() throws Exception {
		Options options = Options.parse(new String[] { "--sizes=12", "--repetitions=1", "--startup-repetitions=1",
				"--warm-calls=2", "--work-dir=" + this.work }, this.work);
		String report = Harness.run(options);
		for (Metric metric : Metric.values()) {
			if (metric == Metric.STARTUP) {
				continue;
			}
			assertThat(report).contains("| " + metric.label() + " | Migrator |")
				.contains("| " + metric.label() + " | Flyway")
				.contains("| " + metric.label() + " | Liquibase");
		}
		assertThat(report).contains("| Migrator status() (endpoint, health) |", "| migrator.enabled=false |",
				"PostgreSQL", "fsync=on");
		if (Psql.available()) {
			assertThat(report).contains("| psql, one transaction per migration (the floor) |");
		}
		assertThat(Files.readString(this.work.resolve("results.md"))).isEqualTo(report);
	}

}
