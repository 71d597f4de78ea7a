package dev.migrator.bench;

import java.io.IOException;
import java.util.List;

import dev.migrator.bench.Results.Row;

/**
 * Applies each set with each tool, on a fresh database each time, the tools interleaved round-robin. Steps per run:
 * create the database, {@code CHECKPOINT}, run the tool (a JVM through the Java API, or one psql process), check
 * that every table and history row is there ({@link Verifier}), drop the database, except the last repetition's of a
 * Java tool, which the checks and the startup reuse.
 */
final class ApplyPhase {

	private ApplyPhase() {
	}

	static void run(Bench bench) throws IOException {
		int repetitions = bench.options.repetitions();
		for (int size : bench.options.sizes()) {
			SetFiles files = bench.sets.get(size);
			for (int repetition = 0; repetition < repetitions; repetition++) {
				for (Tool tool : Bench.rotated(bench.tools(), repetition)) {
					BenchDatabase database = bench.server.create(bench.databaseName(tool, size, "r" + repetition));
					bench.server.checkpoint();
					double wall;
					String call = "";
					if (tool.java()) {
						ChildProcess.Outcome outcome = bench.children.child(List.of(), "apply", tool.id(), database,
								tool.input(files));
						wall = outcome.wallMillis();
						bench.results.add(Metric.APPLY_CALL, Row.of(tool), size, outcome.value("callMillis"));
						call = String.format(" (%.2f s in the call, built in %.0f ms)",
								outcome.value("callMillis") / 1000, outcome.value("buildMillis"));
					}
					else {
						wall = bench.psql.run(database, tool.input(files), database.name());
					}
					Verifier.check(tool, database, files.set());
					bench.results.add(Metric.APPLY_WALL, Row.of(tool), size, wall);
					bench.progress(String.format("apply N=%d %d/%d %s: %.2f s%s", size, repetition + 1, repetitions,
							tool.label(), wall / 1000, call));
					if (repetition == repetitions - 1 && tool.java()) {
						bench.keepApplied(tool, size, database);
					}
					else {
						bench.server.drop(database);
					}
				}
			}
		}
	}

}
