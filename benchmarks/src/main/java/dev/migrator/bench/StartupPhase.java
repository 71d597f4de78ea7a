package dev.migrator.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.migrator.bench.Results.Row;
import dev.migrator.bench.app.BenchApp;

/**
 * Spring Boot's startup with the starter against a database that has the set applied (nothing to do), and the same
 * app with {@code migrator.enabled=false}: a fresh JVM each time, the two interleaved, the JVM's uptime when
 * {@code ApplicationReadyEvent} fires ({@link BenchApp}).
 */
final class StartupPhase {

	private StartupPhase() {
	}

	static void run(Bench bench) throws IOException {
		int size = bench.options.startupSize();
		BenchDatabase database = bench.applied(Tool.MIGRATOR, size);
		int repetitions = bench.options.startupRepetitions();
		for (int repetition = 0; repetition < repetitions; repetition++) {
			for (boolean enabled : Bench.rotated(List.of(true, false), repetition)) {
				List<String> arguments = List.of("--spring.datasource.url=" + database.url(),
						"--spring.datasource.username=" + database.username(),
						"--migrator.location=file:" + bench.sets.get(size).drizzle(), "--migrator.enabled=" + enabled,
						"--server.port=0", "--management.endpoints.web.exposure.include=migrations,health",
						"--management.endpoint.health.show-details=always");
				ChildProcess.Outcome outcome = bench.children.main("startup-" + (enabled ? "enabled" : "disabled"),
						List.of(), BenchApp.class.getName(), arguments,
						Map.of("SPRING_DATASOURCE_PASSWORD", database.password()));
				if (Boolean.parseBoolean(outcome.result().getProperty("migrator")) != enabled) {
					throw new IllegalStateException("The app started with migrator.enabled=" + enabled + " but had "
							+ (enabled ? "no" : "a")
							+ " migrator bean: the startup figures would compare the wrong apps");
				}
				Row row = enabled ? ReportTable.STARTUP_ENABLED : ReportTable.STARTUP_DISABLED;
				bench.results.add(Metric.STARTUP, row, size, outcome.value("readyMillis"));
				bench.progress(String.format("startup, N=%d %d/%d %s: %.0f ms", size, repetition + 1, repetitions,
						row.label(), outcome.value("readyMillis")));
			}
		}
	}

}
