package dev.migrator.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * {@code java -jar benchmarks/target/migrator-benchmarks.jar [options]}: runs the benchmark ({@link Harness}) and
 * prints its table. Exit codes: 0 done, 1 a measurement or the server failed, 2 a wrong option.
 */
public final class Benchmark {

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		Options options;
		try {
			if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
				System.out.print(Options.USAGE);
				return;
			}
			options = Options.parse(args, defaultWorkDirectory());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage() + "\n\n" + Options.USAGE);
			System.exit(2);
			return;
		}
		try {
			System.out.println(Harness.run(options));
		}
		catch (IllegalStateException ex) {
			System.err.println("The benchmark stopped: " + ex.getMessage());
			System.exit(1);
		}
		System.exit(0);
	}

	/** {@code bench-work} beside the jar (so {@code benchmarks/target/bench-work}), else in the current folder. */
	private static Path defaultWorkDirectory() {
		try {
			Path code = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return code.getParent().resolve("bench-work");
		}
		catch (URISyntaxException | RuntimeException ex) {
			return Path.of("bench-work");
		}
	}

}
