package dev.migrator.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.migrator.bench.Results.Row;

/**
 * The up-to-date check on the databases the apply runs left complete, nothing pending:
 * <ol>
 * <li>in a fresh JVM each time, on a pool whose connections are already open (as in an application), timing only
 * its {@code migrate()}/{@code update()}, and apart the construction of the tool before it; repeated, tools
 * interleaved;</li>
 * <li>in one warm JVM per tool, the same call repeated on the same object (what an endpoint or a health check does),
 * median of the calls; for Migrator also {@code status()}, which the endpoint and health call.</li>
 * </ol>
 * Each database is checked again afterwards: a check must not have applied anything.
 */
final class CheckPhase {

	static final Row MIGRATOR_STATUS = new Row("Migrator status() (endpoint, health)", "status()", false);

	private CheckPhase() {
	}

	static void run(Bench bench) throws IOException {
		int repetitions = bench.options.repetitions();
		for (int size : bench.options.sizes()) {
			SetFiles files = bench.sets.get(size);
			for (int repetition = 0; repetition < repetitions; repetition++) {
				for (Tool tool : Bench.rotated(bench.javaTools(), repetition)) {
					ChildProcess.Outcome outcome = bench.children.child(List.of(), "check-cold", tool.id(),
							bench.applied(tool, size), tool.input(files));
					bench.results.add(Metric.CHECK_COLD, Row.of(tool), size, outcome.value("callMillis"));
					bench.results.add(Metric.CHECK_COLD_BUILD, Row.of(tool), size, outcome.value("buildMillis"));
					bench.progress(String.format("check, fresh JVM, N=%d %d/%d %s: %.1f ms (built in %.1f ms)", size,
							repetition + 1, repetitions, tool.label(), outcome.value("callMillis"),
							outcome.value("buildMillis")));
				}
			}
			for (Tool tool : bench.javaTools()) {
				warm(bench, tool, tool.id(), Row.of(tool), size, tool.input(files));
				if (tool == Tool.MIGRATOR) {
					warm(bench, tool, "migrator-status", MIGRATOR_STATUS, size, tool.input(files));
				}
				Verifier.check(tool, bench.applied(tool, size), files.set());
			}
		}
	}

	private static void warm(Bench bench, Tool tool, String id, Row row, int size, Path input) throws IOException {
		ChildProcess.Outcome outcome = bench.children.child(List.of(), "check-warm", id, bench.applied(tool, size),
				input, Integer.toString(bench.options.warmCalls()));
		bench.results.add(Metric.CHECK_WARM, row, size, outcome.value("medianMillis"));
		bench.progress(String.format("check, warm JVM, N=%d %s: %.1f ms (median of %.0f calls)", size, row.label(),
				outcome.value("medianMillis"), outcome.value("calls")));
	}

}
