package dev.migrator.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run. Steps:
 * <ol>
 * <li>generate each set from the seed and write it in every tool's format ({@link SetFiles});</li>
 * <li>start the server, or use the one {@value BenchServer#URL_VARIABLE} names ({@link BenchServer});</li>
 * <li>time a JVM that only opens a connection and runs {@code SELECT 1}: the least any Java tool's process does;</li>
 * <li>{@link ApplyPhase}, {@link CheckPhase}, {@link StartupPhase}, {@link MemoryPhase};</li>
 * <li>return the table with what it ran on, also written to {@code results.md} in the work folder.</li>
 * </ol>
 */
final class Harness {

	private Harness() {
	}

	static String run(Options options) throws Exception {
		Path work = options.workDirectory();
		Map<Integer, SetFiles> sets = new LinkedHashMap<>();
		List<String> setNotes = new ArrayList<>();
		for (int size : options.sizes()) {
			MigrationSet set = MigrationSetGenerator.generate(size, options.seed());
			sets.put(size, SetFiles.write(set, work.resolve("sets").resolve(Integer.toString(size))));
			int statements = set.migrations().stream().mapToInt((migration) -> migration.statements().size()).sum();
			setNotes.add(String.format("N = %d: %d statements, %d tables, %.0f KiB of SQL", size, statements,
					set.tables(), set.sqlBytes() / 1024.0));
		}
		Path logs = work.resolve("logs");
		Folders.deleteTree(logs);
		Psql psql = Psql.available() ? new Psql(logs) : null;
		try (BenchServer server = BenchServer.start()) {
			Bench bench = new Bench(options, server, new ChildProcess(logs), psql, sets);
			String serverDescription = server.describe();
			bench.progress("Server: " + serverDescription + (psql == null ? "; no psql on the PATH: no floors" : ""));
			double connect = connectBaseline(bench);
			ApplyPhase.run(bench);
			CheckPhase.run(bench);
			StartupPhase.run(bench);
			double idleHeap = MemoryPhase.run(bench);
			String report = header(options, serverDescription, setNotes, psql != null) + "\n"
					+ ReportTable.render(bench.results, options.sizes()) + "\n"
					+ notes(options, connect, idleHeap);
			Files.writeString(work.resolve("results.md"), report, StandardCharsets.UTF_8);
			return report;
		}
	}

	private static double connectBaseline(Bench bench) throws Exception {
		BenchDatabase database = bench.server.create("bench_connect");
		List<Double> samples = new ArrayList<>();
		for (int repetition = 0; repetition < bench.options.repetitions(); repetition++) {
			samples.add(bench.children.child(List.of(), "connect", "none", database, Path.of(".")).wallMillis());
		}
		bench.server.drop(database);
		return Samples.median(samples);
	}

	private static String header(Options options, String server, List<String> sets, boolean psql) {
		return "Migrator benchmark, " + LocalDate.now() + ": medians of " + options.repetitions() + " (fresh database"
				+ " per apply run, tools interleaved round-robin), seed " + options.seed() + ".\n\n"
				+ "- Server: " + server + "\n"
				+ "- Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
				+ System.getProperty("java.version") + ", load average at the end "
				+ String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + "\n"
				+ "- Sets: " + String.join("; ", sets) + "\n"
				+ (psql ? "" : "- No psql on the PATH: the floors were not measured.\n");
	}

	private static String notes(Options options, double connect, double idleHeap) {
		return String.format("A JVM that opens one connection and runs SELECT 1 took %.0f ms (whole process); every"
				+ " \"whole process\" figure of a Java tool includes that. In the call: migrate() or update() alone,"
				+ " the tool built before it; the fresh-JVM check runs on a pool already open; the warm check is the"
				+ " median of up to %d calls on the same object after %d untimed ones. Startup: N = %d, medians of %d"
				+ " starts of each app, interleaved; both apps run one query at startup. Heap: N = %d,"
				+ " -XX:+UseSerialGC, a full collection every %d ms; the idle JVM (driver and pool loaded) held %.1f MB."
				+ " Logging at WARN for every tool. The psql floors record no history.%n", connect, options.warmCalls(),
				Child.WARM_UP, options.startupSize(), options.startupRepetitions(), options.largestSize(),
				HeapWatch.SAMPLE_MILLIS, idleHeap / (1 << 20));
	}

}
