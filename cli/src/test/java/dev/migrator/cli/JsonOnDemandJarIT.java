package dev.migrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jackson's JSON mapper is built only for JSON output: building it loads some 450 classes, which took about 0.15 s of
 * every run of the jar, whatever it printed. ({@code check} reads the journal's JSON tree for its line numbers, so it
 * loads Jackson in any case.) The jar's class loading is read from the JVM's own log ({@code -Xlog:class+load},
 * through {@code JAVA_TOOL_OPTIONS}).
 */
class JsonOnDemandJarIT {

	private static final String DATABIND = "tools.jackson.databind.";

	@TempDir
	Path dir;

	@Test
	void textOutputLoadsNoJacksonDatabindAndJsonOutputStillDoes() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("cli_json_on_demand");
		MigrationsFolder.in(this.dir.resolve("drizzle"))
			.add("0000_orders", "CREATE TABLE orders (id int);")
			.add("0001_total", "ALTER TABLE orders ADD COLUMN total numeric;");
		String url = MigratorJar.postgresUrl(db);

		assertThat(loaded("--help", null)).noneMatch((line) -> line.contains(DATABIND));
		assertThat(loaded("migrate", url)).noneMatch((line) -> line.contains(DATABIND));
		assertThat(loaded("status", url)).noneMatch((line) -> line.contains(DATABIND));
		// the probe sees Jackson where it is used
		assertThat(loaded("status --json", url)).anyMatch((line) -> line.contains(DATABIND + "json.JsonMapper"));
	}

	/** The classes the jar loaded running a command that succeeded, as the JVM logged them. */
	private List<String> loaded(String command, String databaseUrl) throws Exception {
		Path log = Files.createTempFile(this.dir, "classes", ".log");
		Map<String, String> env = new HashMap<>(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log));
		if (databaseUrl != null) {
			env.put("DATABASE_URL", databaseUrl);
		}
		MigratorJar.Result result = MigratorJar.run(this.dir, env, command.split(" "));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		List<String> lines = Files.readAllLines(log);
		assertThat(lines).as("the class-loading log of %s", command).anyMatch((line) -> line.contains("dev.migrator."));
		return lines;
	}

}
