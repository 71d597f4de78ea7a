package dev.migrator.testsupport;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrator.embedded.TestPostgres.TestDatabase;
import org.junit.jupiter.api.Assumptions;

/**
 * Drives the real drizzle-orm migrator ({@code src/test/drizzle/migrate.mjs}) through {@code node}. The npm packages
 * are installed with {@code npm ci} on first use; without {@code node} on the machine, tests that need it are
 * skipped with the reason.
 */
public final class DrizzleOrm {

	private static boolean installed;

	private DrizzleOrm() {
	}

	/** Skips the calling test when node is missing; installs the pinned npm packages once. */
	public static synchronized void ensureInstalled() {
		if (installed) {
			return;
		}
		Assumptions.assumeTrue(runs(List.of("node", "--version")),
				"node is not installed, so drizzle-orm cannot run: install Node.js 18+ and npm to run the interop tests");
		Path project = DrizzleFixture.project();
		if (!Files.isDirectory(project.resolve("node_modules/drizzle-orm"))) {
			String output = run(project, List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
			if (!Files.isDirectory(project.resolve("node_modules/drizzle-orm"))) {
				throw new IllegalStateException("npm ci did not install drizzle-orm:\n" + output);
			}
		}
		installed = true;
	}

	/**
	 * Runs drizzle-orm's {@code migrate()} on a database.
	 * @param database the database
	 * @param folder the migrations folder
	 * @return what the process printed
	 */
	public static String migrate(TestDatabase database, Path folder) {
		ensureInstalled();
		return run(DrizzleFixture.project(),
				List.of("node", "migrate.mjs", connectionString(database), folder.toAbsolutePath().toString()), 120);
	}

	static String connectionString(TestDatabase database) {
		String rest = database.url().substring("jdbc:postgresql://".length());
		String credentials = URLEncoder.encode(database.username(), StandardCharsets.UTF_8);
		if (database.password() != null && !database.password().isEmpty()) {
			credentials += ":" + URLEncoder.encode(database.password(), StandardCharsets.UTF_8);
		}
		return "postgres://" + credentials + "@" + rest;
	}

	private static boolean runs(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String run(Path directory, List<String> command, int timeoutSeconds) {
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * Copies the first entries of a migrations folder, with a journal that lists only them.
	 * @param folder the folder
	 * @param count how many entries to keep
	 * @param target where to write the copy
	 * @return the copy
	 */
	public static Path firstEntries(Path folder, int count, Path target) throws IOException {
		var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		var journal = (tools.jackson.databind.node.ObjectNode) mapper.readTree(folder.resolve("meta/_journal.json").toFile());
		var entries = (tools.jackson.databind.node.ArrayNode) journal.get("entries");
		while (entries.size() > count) {
			entries.remove(entries.size() - 1);
		}
		Files.createDirectories(target.resolve("meta"));
		for (var entry : entries) {
			String file = entry.get("tag").stringValue() + ".sql";
			Files.copy(folder.resolve(file), target.resolve(file));
		}
		Files.writeString(target.resolve("meta/_journal.json"), mapper.writeValueAsString(journal));
		return target;
	}

}
