package dev.migrator.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the phases of one run share: the options, the server, the sets, the contenders, the samples, and the
 * database each Java tool left fully applied at each size (the up-to-date checks and the startup run on those).
 */
final class Bench {

	final Options options;

	final BenchServer server;

	final ChildProcess children;

	/** {@code null} when there is no psql on the PATH: the floors are then left out. */
	final Psql psql;

	final Map<Integer, SetFiles> sets;

	final Results results = new Results();

	private final Map<String, BenchDatabase> applied = new HashMap<>();

	private final long started = System.nanoTime();

	Bench(Options options, BenchServer server, ChildProcess children, Psql psql, Map<Integer, SetFiles> sets) {
		this.options = options;
		this.server = server;
		this.children = children;
		this.psql = psql;
		this.sets = sets;
	}

	/** Every contender of the apply runs: the floors when psql is there, then the Java tools. */
	List<Tool> tools() {
		return List.of(Tool.values()).stream().filter((tool) -> tool.java() || this.psql != null).toList();
	}

	List<Tool> javaTools() {
		return List.of(Tool.MIGRATOR, Tool.FLYWAY, Tool.LIQUIBASE);
	}

	/** The list started at a different element each repetition, so no tool always runs first or after another. */
	static <T> List<T> rotated(List<T> items, int repetition) {
		List<T> rotated = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			rotated.add(items.get((repetition + i) % items.size()));
		}
		return rotated;
	}

	void keepApplied(Tool tool, int size, BenchDatabase database) {
		this.applied.put(tool.id() + "/" + size, database);
	}

	BenchDatabase applied(Tool tool, int size) {
		BenchDatabase database = this.applied.get(tool.id() + "/" + size);
		if (database == null) {
			throw new IllegalStateException("No database with " + size + " migrations applied by " + tool.label());
		}
		return database;
	}

	String databaseName(Tool tool, int size, String what) {
		return "bench_" + tool.id() + "_" + size + "_" + what;
	}

	void progress(String message) {
		System.err.printf("[%5.0f s] %s%n", (System.nanoTime() - this.started) / 1e9, message);
	}

}
