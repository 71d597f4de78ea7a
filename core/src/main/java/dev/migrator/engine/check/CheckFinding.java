package dev.migrator.engine.check;

/**
 * One thing a check found wrong with a migrations folder, or with it against a database. Lint rules report the same
 * shape, so their findings join the same report.
 *
 * @param rule stable kebab-case id of the rule, such as {@code unjournaled-file}
 * @param severity whether it fails the check
 * @param file the file it is about, relative to the migrations folder, such as {@code 0003_slugs.sql} or
 * {@code meta/_journal.json}; {@code .} for the folder itself
 * @param line 1-based line in that file
 * @param message what is wrong, naming the migration
 * @param fix what to do about it
 */
public record CheckFinding(String rule, Severity severity, String file, int line, String message, String fix) {

	/** The file of findings about the folder as a whole. */
	public static final String FOLDER = ".";

	public CheckFinding {
		if (line < 1) {
			line = 1;
		}
	}

	/** Whether it fails the check. */
	public boolean error() {
		return this.severity == Severity.ERROR;
	}

}
