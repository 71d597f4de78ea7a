package dev.migrator.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run measures.
 * @param sizes the set sizes (migrations per set)
 * @param repetitions runs of each apply and fresh-JVM check; the table shows medians
 * @param startupRepetitions starts of each Spring Boot app; the table shows medians. Three times the repetitions
 * unless given: starts of the same app on this 2-core machine differed by up to 40 % within one run (2551 and
 * 3569 ms at 4444950), far more than the 5 % the startup target allows
 * @param seed the generator's seed
 * @param warmCalls timed calls of the warm-JVM check (after {@value Child#WARM_UP} untimed ones)
 * @param workDirectory where the sets, the children's logs and {@code results.md} go
 */
record Options(List<Integer> sizes, int repetitions, int startupRepetitions, long seed, int warmCalls,
		Path workDirectory) {

	static final String USAGE = """
			Usage: java -jar benchmarks/target/migrator-benchmarks.jar [--quick] [--sizes=100,1000,3000]
			       [--repetitions=5] [--startup-repetitions=15] [--seed=16] [--warm-calls=30]
			       [--work-dir=benchmarks/target/bench-work]

			Applies generated migration sets with Migrator, Flyway, Liquibase and (when psql is on the PATH) psql,
			measures the up-to-date check, Spring Boot's startup and the heap, and prints one markdown table.
			--quick is --sizes=100,1000 --repetitions=3. Each Spring Boot app starts three times the repetitions
			unless --startup-repetitions says otherwise. The server is an embedded PostgreSQL with fsync on, or
			MIGRATOR_BENCH_JDBC_URL (with MIGRATOR_BENCH_USERNAME, MIGRATOR_BENCH_PASSWORD; the user needs CREATEDB).
			""";

	/** The N of the Spring Boot startup measurement: 1000 when measured, else the largest size. */
	int startupSize() {
		return this.sizes.contains(1000) ? 1000 : largestSize();
	}

	int largestSize() {
		return this.sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
	}

	/**
	 * Reads the command line.
	 * @throws IllegalArgumentException naming the option that is wrong
	 */
	static Options parse(String[] args, Path defaultWorkDirectory) {
		List<Integer> sizes = List.of(100, 1000, 3000);
		int repetitions = 5;
		Integer startupRepetitions = null;
		long seed = 16;
		int warmCalls = 30;
		Path work = defaultWorkDirectory;
		for (String arg : args) {
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
			try {
				switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
					case "--quick" -> {
						sizes = List.of(100, 1000);
						repetitions = 3;
					}
					case "--sizes" -> sizes = Arrays.stream(value.split(","))
						.map(String::trim)
						.map(Integer::valueOf)
						.toList();
					case "--repetitions" -> repetitions = Integer.parseInt(value);
					case "--startup-repetitions" -> startupRepetitions = Integer.valueOf(value);
					case "--seed" -> seed = Long.parseLong(value);
					case "--warm-calls" -> warmCalls = Integer.parseInt(value);
					case "--work-dir" -> work = Path.of(value);
					default -> throw new IllegalArgumentException("Unknown option " + arg);
				}
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"Option " + arg + " needs a number (or numbers separated by commas)");
			}
		}
		int starts = (startupRepetitions != null) ? startupRepetitions
				: (int) Math.min(3L * repetitions, Integer.MAX_VALUE);
		if (repetitions < 1 || starts < 1 || warmCalls < 1 || sizes.isEmpty()
				|| sizes.stream().anyMatch((size) -> size < 1)) {
			throw new IllegalArgumentException(
					"Sizes, --repetitions, --startup-repetitions and --warm-calls must be 1 or more");
		}
		return new Options(List.copyOf(sizes), repetitions, starts, seed, warmCalls, work.toAbsolutePath());
	}

}
