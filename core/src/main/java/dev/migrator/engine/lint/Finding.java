package dev.migrator.engine.lint;

import java.util.Locale;

/**
 * One problem the lint found in a migration file.
 *
 * @param rule the rule's stable id, such as {@code index-not-concurrent}
 * @param severity how much it matters, after the settings' per-rule levels
 * @param file the migration file, relative to the migrations folder (as the journal names it)
 * @param line 1-based line in the file
 * @param column 1-based column in that line
 * @param message what the statement does and why that is a problem here
 * @param fix what to do instead, or how to suppress it when it is intended
 */
public record Finding(String rule, Severity severity, String file, int line, int column, String message, String fix) {

	/** {@code file:line:column}, as compilers print positions. */
	public String position() {
		return this.file + ":" + this.line + ":" + this.column;
	}

	/** One line for logs and the command line: position, severity, rule, message and fix. */
	@Override
	public String toString() {
		return position() + ": " + this.severity.name().toLowerCase(Locale.ROOT) + " [" + this.rule + "] "
				+ this.message + " Fix: " + this.fix;
	}

}
