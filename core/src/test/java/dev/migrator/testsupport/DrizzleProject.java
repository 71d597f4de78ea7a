package dev.migrator.testsupport;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.migrator.embedded.TestPostgres.TestDatabase;
import org.junit.jupiter.api.Assumptions;

/**
 * A Node project in {@code src/test} with pinned drizzle-kit and drizzle-orm packages, run through {@code node}: the
 * packages are installed with {@code npm ci} on first use; without {@code node} on the machine, tests that need it
 * are skipped with the reason.
 */
public final class DrizzleProject {

	/** drizzle-kit 0.31 and drizzle-orm 0.45 ({@code src/test/drizzle}). */
	public static final DrizzleProject V0 = new DrizzleProject("drizzle", "drizzle-orm migrate: done");

	/** drizzle-kit and drizzle-orm 1.0 release candidates ({@code src/test/drizzle1}). */
	public static final DrizzleProject V1 = new DrizzleProject("drizzle1", "drizzle-orm 1.0 migrate: done");

	private final String folder;

	private final String doneLine;

	private boolean installed;

	private DrizzleProject(String folder, String doneLine) {
		this.folder = folder;
		this.doneLine = doneLine;
	}

	/**
	 * The project folder: package.json, schema steps, migrations and node_modules once installed. Found from the core
	 * module and from its sibling modules (the fixture is not packaged in the test-jar).
	 */
	public Path project() {
		for (Path candidate : new Path[] { Path.of("src/test", this.folder), Path.of("../core/src/test", this.folder) }) {
			if (Files.isDirectory(candidate)) {
				return candidate.toAbsolutePath().normalize();
			}
		}
		throw new IllegalStateException("Run the tests from the core module or a sibling: no src/test/" + this.folder
				+ " in " + Path.of("").toAbsolutePath());
	}

	/** The migrations folder the project's drizzle-kit generated. */
	public Path migrations() {
		return project().resolve("migrations");
	}

	/** Skips the calling test when node is missing; installs the pinned npm packages once. */
	public synchronized void ensureInstalled() {
		if (this.installed) {
			return;
		}
		Assumptions.assumeTrue(runs(List.of("node", "--version")),
				"node is not installed, so drizzle-orm cannot run: install Node.js 18+ and npm to run the interop tests");
		Path project = project();
		if (!Files.isDirectory(project.resolve("node_modules/drizzle-orm"))) {
			String output = run(project, List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
			if (!Files.isDirectory(project.resolve("node_modules/drizzle-orm"))) {
				throw new IllegalStateException("npm ci did not install drizzle-orm:\n" + output);
			}
		}
		this.installed = true;
	}

	/**
	 * Runs drizzle-orm's {@code migrate()} on a database ({@code migrate.mjs}).
	 * @param database the database
	 * @param migrations the migrations folder
	 * @return what the process printed, which ends with the done line
	 */
	public String migrate(TestDatabase database, Path migrations) {
		ensureInstalled();
		String output = run(project(), List.of("node", "migrate.mjs", connectionString(database),
				migrations.toAbsolutePath().toString()), 120);
		if (!output.contains(this.doneLine)) {
			throw new IllegalStateException("drizzle-orm did not finish:\n" + output);
		}
		return output;
	}

	/**
	 * Runs the project's drizzle-kit.
	 * @param arguments its arguments, such as {@code up --dialect postgresql --out /tmp/x}
	 * @return what it printed
	 */
	public String kit(String... arguments) {
		ensureInstalled();
		List<String> command = new ArrayList<>(List.of("node", "node_modules/drizzle-kit/bin.cjs"));
		command.addAll(List.of(arguments));
		return run(project(), command, 120);
	}

	/**
	 * Runs the project's drizzle-kit in another directory, as a team runs it in theirs: it reads the
	 * {@code drizzle.config.ts} there (which must import nothing), and the schema files it names load their
	 * {@code drizzle-orm} from this project.
	 * @param directory the working directory
	 * @param arguments its arguments, such as {@code generate --custom --name=add_x}
	 * @return what it printed
	 */
	public String kitIn(Path directory, String... arguments) {
		ensureInstalled();
		List<String> command = new ArrayList<>(
				List.of("node", project().resolve("node_modules/drizzle-kit/bin.cjs").toString()));
		command.addAll(List.of(arguments));
		return run(directory, command, 120, Map.of("NODE_PATH", project().resolve("node_modules").toString()));
	}

	/**
	 * Writes a {@code drizzle.config.ts} for {@link #kitIn(Path, String...)}.
	 * @param directory where drizzle-kit will run
	 * @param schema the schema file
	 * @param out the migrations folder, relative to the directory
	 */
	public static void writeConfig(Path directory, Path schema, String out) throws IOException {
		Files.writeString(directory.resolve("drizzle.config.ts"), "export default { dialect: 'postgresql', schema: '"
				+ schema.toAbsolutePath() + "', out: '" + out + "' };\n");
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
		return run(directory, command, timeoutSeconds, Map.of());
	}

	private static String run(Path directory, List<String> command, int timeoutSeconds, Map<String, String> environment) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
			builder.environment().putAll(environment);
			Process process = builder.start();
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

}
