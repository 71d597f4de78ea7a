package dev.migrator.bench;

import java.io.IOException;
import java.util.List;

import dev.migrator.bench.Results.Row;

/**
 * The live heap of an up-to-date check and of an apply run at the largest size, for each Java tool, measured by
 * {@link HeapWatch} in a JVM with the serial collector (so that each forced collection is exact) and a 1 GiB cap.
 * Reports the peak and the retained heap above the idle JVM's (JVM, driver and pool), whose size is noted.
 */
final class MemoryPhase {

	static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx1g");

	private MemoryPhase() {
	}

	/** @return the idle JVM's heap in bytes, as the Migrator check measured it */
	static double run(Bench bench) throws IOException {
		int size = bench.options.largestSize();
		SetFiles files = bench.sets.get(size);
		double idle = 0;
		for (Tool tool : bench.javaTools()) {
			ChildProcess.Outcome check = bench.children.child(JVM_OPTIONS, "memory-check", tool.id(),
					bench.applied(tool, size), tool.input(files));
			record(bench, check, Metric.HEAP_CHECK_PEAK, Metric.HEAP_CHECK_RETAINED, tool, size);
			if (tool == Tool.MIGRATOR) {
				idle = check.value("baselineBytes");
			}
			BenchDatabase fresh = bench.server.create(bench.databaseName(tool, size, "memory"));
			ChildProcess.Outcome apply = bench.children.child(JVM_OPTIONS, "memory-apply", tool.id(), fresh,
					tool.input(files));
			Verifier.check(tool, fresh, files.set());
			bench.server.drop(fresh);
			record(bench, apply, Metric.HEAP_APPLY_PEAK, Metric.HEAP_APPLY_RETAINED, tool, size);
		}
		return idle;
	}

	private static void record(Bench bench, ChildProcess.Outcome outcome, Metric peak, Metric retained, Tool tool,
			int size) {
		double baseline = outcome.value("baselineBytes");
		bench.results.add(peak, Row.of(tool), size, outcome.value("peakBytes") - baseline);
		bench.results.add(retained, Row.of(tool), size, outcome.value("retainedBytes") - baseline);
		double megabyte = 1 << 20;
		bench.progress(String.format("%s, N=%d %s: peak %.1f MB, retained %.1f MB above %.1f MB idle (%.0f samples)",
				peak.label(), size, tool.label(), (outcome.value("peakBytes") - baseline) / megabyte,
				(outcome.value("retainedBytes") - baseline) / megabyte, baseline / megabyte, outcome.value("samples")));
	}

}
