package dev.migrator.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.migrator.embedded.TestPostgres.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code java -jar target/migrator.jar} as users do, in a chosen directory with a chosen environment. */
final class MigratorJar {

	private static final Path JAR = Path.of("target/migrator.jar").toAbsolutePath();

	/** Variables of the test JVM's environment that would change what the jar does. */
	private static final List<String> CLEARED = List.of(UrlLookup.VARIABLE, UrlLookup.ROOT_ENV, "MIGRATIONS_DIR");

	private MigratorJar() {
	}

	/**
	 * Runs the jar to its end.
	 * @param workingDirectory its working directory
	 * @param environment variables set on top of this JVM's, less the ones the CLI reads
	 * @param args the command and options
	 * @return exit code and output
	 */
	static Result run(Path workingDirectory, Map<String, String> environment, String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		Path out = Files.createTempFile("migrator-out", ".txt");
		Path err = Files.createTempFile("migrator-err", ".txt");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile());
			CLEARED.forEach(builder.environment()::remove);
			builder.environment().putAll(environment);
			Process process = builder.start();
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("migrator %s ended in time", List.of(args)).isTrue();
			return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	/**
	 * Starts the jar and returns at once, for tests that kill it or cut its connection; its output goes to files.
	 * @param workingDirectory its working directory
	 * @param args the command and options
	 * @return the running process
	 */
	static Started start(Path workingDirectory, String... args) throws Exception {
		return startAs(List.of(), workingDirectory, args);
	}

	/**
	 * Starts the jar under a command that changes how it runs, such as {@code setpriv} to run it as another user.
	 * @param prefix the command and its options, before {@code java}
	 * @param workingDirectory its working directory
	 * @param args the command and options
	 * @return the running process
	 */
	static Started startAs(List<String> prefix, Path workingDirectory, String... args) throws Exception {
		List<String> command = new ArrayList<>(prefix);
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		Path out = Files.createTempFile(workingDirectory, "migrator-out", ".txt");
		Path err = Files.createTempFile(workingDirectory, "migrator-err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		CLEARED.forEach(builder.environment()::remove);
		return new Started(builder.start(), out, err);
	}

	/** The {@code --url}, {@code --user} and {@code --password} options for a test database. */
	static List<String> connection(TestDatabase database) {
		return List.of("--url", database.url(), "--user", database.username(),
				"--password=" + ((database.password() == null) ? "" : database.password()));
	}

	/**
	 * The libpq URL of a test database, on {@code localhost}, as a Node.js service's {@code DATABASE_URL} would be.
	 * @param database the database
	 * @param user the user
	 * @param encodedPassword the percent-encoded password, or empty for none
	 * @return the URL
	 */
	static String postgresUrl(TestDatabase database, String user, String encodedPassword) {
		String hostPortDatabase = database.url().substring("jdbc:postgresql://".length()).replace("127.0.0.1", "localhost");
		return "postgres://" + user + (encodedPassword.isEmpty() ? "" : ":" + encodedPassword) + "@" + hostPortDatabase;
	}

	/** {@link #postgresUrl(TestDatabase, String, String)} with the test database's own credentials. */
	static String postgresUrl(TestDatabase database) {
		String password = (database.password() == null) ? "" : database.password();
		return postgresUrl(database, URLEncoder.encode(database.username(), StandardCharsets.UTF_8),
				URLEncoder.encode(password, StandardCharsets.UTF_8));
	}

	/**
	 * A run that was started and may still be going.
	 *
	 * @param process the process
	 * @param out file of its standard output
	 * @param err file of its standard error
	 */
	record Started(Process process, Path out, Path err) {

		/** Waits for its end (two minutes at most) and returns what it did. */
		Result result() throws Exception {
			assertThat(this.process.waitFor(120, TimeUnit.SECONDS)).as("migrator ended in time").isTrue();
			return new Result(this.process.exitValue(), Files.readString(this.out, StandardCharsets.UTF_8),
					Files.readString(this.err, StandardCharsets.UTF_8));
		}

	}

	/**
	 * What a run did.
	 *
	 * @param exitCode the process's exit code
	 * @param out its standard output
	 * @param err its standard error
	 */
	record Result(int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
		}

	}

}
