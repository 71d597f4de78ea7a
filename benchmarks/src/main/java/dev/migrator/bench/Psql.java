package dev.migrator.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The floors: psql running one generated script, {@code -X -q -v ON_ERROR_STOP=1 -f script}, timed as a whole
 * process. One psql process for the whole set, so that the floor is the server's work and not process starts.
 */
final class Psql {

	private final Path logs;

	Psql(Path logs) {
		this.logs = logs;
	}

	/** Whether a {@code psql} on the PATH answers {@code --version}. */
	static boolean available() {
		try {
			Process process = new ProcessBuilder("psql", "--version").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return ChildProcess.waitFor(process) == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Runs the script on the database; returns the whole process's time in milliseconds. */
	double run(BenchDatabase database, Path script, String label) throws IOException {
		Path log = this.logs.resolve(label + ".log");
		ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h",
				database.host(), "-p", Integer.toString(database.port()), "-U", database.username(), "-d",
				database.name(), "-f", script.toString()))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("PGPASSWORD", database.password());
		long begin = System.nanoTime();
		int exit = ChildProcess.waitFor(builder.start());
		double wall = (System.nanoTime() - begin) / 1e6;
		if (exit != 0) {
			throw new IllegalStateException("psql -f " + script + " exited with " + exit + " on " + database.name()
					+ "; its output is in " + log + ", ending:\n" + ChildProcess.tail(log));
		}
		return wall;
	}

}
