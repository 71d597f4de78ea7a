package dev.migrator.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts measurements in JVMs of their own, with this JVM's java and class path, and times each whole process from
 * start to exit. A process's output goes to a log file in the work folder, its measurements to a properties file
 * beside it; a process that fails stops the benchmark with its log's last lines.
 */
final class ChildProcess {

	private final Path logs;

	private int started;

	ChildProcess(Path logs) throws IOException {
		this.logs = Files.createDirectories(logs);
	}

	/** What a process measured: its whole run, and the properties it wrote. */
	record Outcome(double wallMillis, Properties result) {

		double value(String name) {
			String value = this.result.getProperty(name);
			if (value == null) {
				throw new IllegalStateException("The measurement wrote no " + name + ": " + this.result);
			}
			return Double.parseDouble(value);
		}

	}

	/** Runs {@link Child} in a new JVM (see there for the modes and arguments). */
	Outcome child(List<String> jvmOptions, String mode, String tool, BenchDatabase database, Path input,
			String... extra) throws IOException {
		String name = next(mode + "-" + tool);
		List<String> arguments = new ArrayList<>(List.of(mode, tool, database.url(), database.username(),
				input.toString(), this.logs.resolve(name + ".properties").toString()));
		arguments.addAll(List.of(extra));
		return run(name, jvmOptions, Child.class.getName(), arguments,
				Map.of(Child.PASSWORD_VARIABLE, database.password()));
	}

	/**
	 * Runs a main class in a new JVM; it finds the path of its result file in the system property
	 * {@code bench.result}.
	 */
	Outcome main(String label, List<String> jvmOptions, String mainClass, List<String> arguments,
			Map<String, String> environment) throws IOException {
		String name = next(label);
		List<String> options = new ArrayList<>(jvmOptions);
		options.add("-Dbench.result=" + this.logs.resolve(name + ".properties"));
		return run(name, options, mainClass, arguments, environment);
	}

	private String next(String label) {
		this.started++;
		return String.format("%04d-%s", this.started, label);
	}

	private Outcome run(String name, List<String> jvmOptions, String mainClass, List<String> arguments,
			Map<String, String> environment) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		// no anonymous usage report from a benchmark (Liquibase 4.30+ sends one by default)
		command.add("-Dliquibase.analytics.enabled=false");
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(arguments);
		Path log = this.logs.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		long begin = System.nanoTime();
		Process process = builder.start();
		int exit = waitFor(process);
		double wall = (System.nanoTime() - begin) / 1e6;
		if (exit != 0) {
			throw new IllegalStateException(name + " exited with " + exit + "; its output is in " + log + ", ending:\n"
					+ tail(log));
		}
		Properties result = new Properties();
		Path resultFile = this.logs.resolve(name + ".properties");
		if (Files.exists(resultFile)) {
			try (InputStream in = Files.newInputStream(resultFile)) {
				result.load(in);
			}
		}
		return new Outcome(wall, result);
	}

	static int waitFor(Process process) {
		try {
			return process.waitFor();
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while a measurement ran", ex);
		}
	}

	static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
	}

}
