package dev.migrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the database URL the way a Node.js project's tooling does, so a team's existing {@code DATABASE_URL} works:
 * <ol>
 * <li>the {@code --url} option;</li>
 * <li>else the {@code DATABASE_URL} environment variable;</li>
 * <li>else {@code DATABASE_URL} in a dotenv file: the one {@code ROOT_ENV} names (relative to the working directory)
 * when that variable is set, otherwise {@code .env} in the working directory.</li>
 * </ol>
 * The dotenv file is read as Node.js's {@code dotenv} reads it ({@link DotenvFile}). An empty {@code --url} or
 * {@code DATABASE_URL} is an error rather than a reason to look further: a CI secret that is not set must not send the
 * run to another database.
 */
final class UrlLookup {

	static final String VARIABLE = "DATABASE_URL";

	static final String ROOT_ENV = "ROOT_ENV";

	private UrlLookup() {
	}

	/**
	 * Finds the URL.
	 * @param option the {@code --url} value, or {@code null}
	 * @param environment the environment variables
	 * @param workingDirectory where {@code .env} is looked for
	 * @return the URL and where it came from
	 * @throws UsageException naming every place it looked, when none has a URL
	 */
	static Found find(String option, Map<String, String> environment, Path workingDirectory) {
		if (option != null) {
			if (option.isBlank()) {
				throw new UsageException("--url is empty (a variable that is not set, such as --url \"$STAGING_URL\"?):"
						+ " give the URL, or leave --url out to use " + VARIABLE + " from the environment or the dotenv"
						+ " file");
			}
			return new Found(option, "--url");
		}
		String variable = environment.get(VARIABLE);
		if (variable != null) {
			if (variable.isBlank()) {
				// as Node.js's dotenv keeps a variable the environment has, even an empty one
				throw new UsageException("The " + VARIABLE + " environment variable is set but empty (a CI secret that"
						+ " is not set?): give it the URL, or unset it to read " + VARIABLE + " from the dotenv file");
			}
			return new Found(variable, "the " + VARIABLE + " environment variable");
		}
		String rootEnv = environment.get(ROOT_ENV);
		boolean named = rootEnv != null && !rootEnv.isBlank();
		Path file = workingDirectory.resolve(named ? rootEnv : ".env").toAbsolutePath().normalize();
		if (named && !Files.isRegularFile(file)) {
			throw new UsageException(ROOT_ENV + " names the dotenv file " + file + ", which does not exist: fix "
					+ ROOT_ENV + ", or unset it to read .env in the working directory");
		}
		String fromFile = Files.isRegularFile(file) ? DotenvFile.value(file, VARIABLE) : null;
		if (fromFile != null && !fromFile.isBlank()) {
			return new Found(fromFile, VARIABLE + " in " + file);
		}
		throw new UsageException("No database URL: looked for the --url option, the " + VARIABLE
				+ " environment variable and " + VARIABLE + " in " + file
				+ (Files.isRegularFile(file) ? "" : " (no such file)")
				+ (named ? " (named by " + ROOT_ENV + ")" : " (set " + ROOT_ENV + " to read another dotenv file)")
				+ ". Give one, such as --url postgres://user:password@localhost:5432/database");
	}

	/**
	 * A URL and where it was found.
	 *
	 * @param url the URL; may hold a password, so never printed
	 * @param source where it was found, for messages
	 */
	record Found(String url, String source) {

		@Override
		public String toString() {
			return "Found[from " + this.source + "]";
		}

	}

}
