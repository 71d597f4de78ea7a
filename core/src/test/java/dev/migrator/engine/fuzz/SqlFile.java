package dev.migrator.engine.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated migration file and the statements it is known to hold.
 *
 * @param text the file's text
 * @param statements its statements in order, each as the splitter must return it
 */
record SqlFile(String text, List<Expected> statements) {

	/** The statements' texts, as they are sent to the server one by one. */
	List<String> sql() {
		return this.statements.stream().map(Expected::sql).toList();
	}

	/** Which of the tricky constructs the file holds, for jqwik's statistics: they show what the tries covered. */
	List<String> features() {
		Map<String, String> marks = new LinkedHashMap<>();
		marks.put("BOM", "\uFEFF");
		marks.put("CRLF", "\r\n");
		marks.put("''", "''");
		marks.put("E'", "E'");
		marks.put("U&'", "U&'");
		marks.put("\"\"", "\"\"");
		marks.put("$tag$", "$a$");
		marks.put("nested /*", "/* nested");
		marks.put("--> in a comment", "-->");
		marks.put("breakpoint", "--> statement-breakpoint");
		marks.put("DO", "DO $do$");
		marks.put("BEGIN ATOMIC", "BEGIN ATOMIC");
		return marks.entrySet()
			.stream()
			.filter((mark) -> this.text.contains(mark.getValue()))
			.map(Map.Entry::getKey)
			.toList();
	}

	@Override
	public String toString() {
		// the text with its line ends and BOM visible: a shrunk failure is read, and kept as an example, from this
		return "SqlFile[" + this.text.replace("\uFEFF", "\\uFEFF").replace("\r", "\\r").replace("\n", "\\n\n") + "]";
	}

	/**
	 * A statement of the file.
	 *
	 * @param sql its text, without the {@code ;} that ends it
	 * @param line 1-based line of its first character
	 * @param column 1-based column of its first character (a BOM is no column)
	 */
	record Expected(String sql, int line, int column) {

		String position() {
			return this.line + ":" + this.column;
		}

	}

}
