package dev.migrator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one variable from a dotenv file as Node.js's {@code dotenv} package reads it, so the file a project's
 * TypeScript tooling loads gives the same value here:
 * <ul>
 * <li>a line is {@code KEY=value} or {@code KEY: value}, optionally after {@code export} and blanks; a line of another
 * shape is skipped, not an error (so one unusual line does not make the whole file unreadable);</li>
 * <li>a quoted value may start on the line after the {@code =};</li>
 * <li>a value in {@code '...'}, {@code "..."} or {@code `...`} is taken without its quotes and may span lines; in
 * double quotes {@code \n} and {@code \r} become line breaks; a value without quotes ends at {@code #} (a comment)
 * and is stripped of blanks;</li>
 * <li>line breaks may be CRLF, a leading byte-order mark is ignored, and the last line that sets the key wins.</li>
 * </ul>
 * Only what the file declares is read; the environment is not consulted.
 */
final class DotenvFile {

	private final String text;

	private int at;

	private DotenvFile(String text) {
		this.text = text;
	}

	/**
	 * The value the file gives a key.
	 * @param file the dotenv file
	 * @param key the variable, such as {@code DATABASE_URL}
	 * @return its value, or {@code null} when no line sets it
	 * @throws UsageException when the file cannot be read (its lines are never quoted: they may hold a password)
	 */
	static String value(Path file, String key) {
		String text;
		try {
			text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UsageException("Cannot read the dotenv file " + file + ": " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " " + ex.getMessage() : ""));
		}
		return parse(text, key);
	}

	/** The value the text of a dotenv file gives a key, or {@code null}. */
	static String parse(String text, String key) {
		DotenvFile reader = new DotenvFile(text.replace("\r\n", "\n").replace('\r', '\n'));
		String value = null;
		while (reader.at < reader.text.length()) {
			int lineStart = reader.at;
			String[] assignment = reader.assignment();
			if (assignment != null && assignment[0].equals(key)) {
				value = assignment[1];
			}
			if (reader.at == lineStart || assignment == null) {
				reader.at = reader.lineEnd(lineStart) + 1;
			}
		}
		return value;
	}

	/**
	 * Reads the assignment starting at {@link #at} and moves past it; {@code null}, with {@link #at} unspecified,
	 * when the line is not one.
	 */
	private String[] assignment() {
		skipBlanks(true);
		int keyStart = this.at;
		if (this.text.startsWith("export", this.at) && this.at + 6 < this.text.length()
				&& isBlank(this.text.charAt(this.at + 6))) {
			this.at += 6;
			skipBlanks(true);
			keyStart = this.at;
		}
		while (this.at < this.text.length() && isKeyChar(this.text.charAt(this.at))) {
			this.at++;
		}
		if (this.at == keyStart) {
			return null;
		}
		String key = this.text.substring(keyStart, this.at);
		int keyEnd = this.at;
		// KEY = value (blanks, even line breaks, before the =), or KEY: value (the colon right after the key)
		skipBlanks(true);
		if (this.at < this.text.length() && this.text.charAt(this.at) == '=') {
			this.at++;
		}
		else if (keyEnd + 1 < this.text.length() && this.text.charAt(keyEnd) == ':'
				&& isBlank(this.text.charAt(keyEnd + 1))) {
			this.at = keyEnd + 2;
		}
		else {
			return null;
		}
		String quoted = quoted();
		if (quoted != null) {
			return new String[] { key, quoted };
		}
		int end = this.at;
		while (end < this.text.length() && this.text.charAt(end) != '#' && this.text.charAt(end) != '\n') {
			end++;
		}
		String value = trim(this.text.substring(this.at, end));
		this.at = lineEnd(end) + 1;
		// as dotenv does with any value: quotes around all of it go, and a double quote first expands \n and \r
		char first = value.isEmpty() ? ' ' : value.charAt(0);
		if (value.length() >= 2 && "'\"`".indexOf(first) >= 0 && value.charAt(value.length() - 1) == first) {
			value = value.substring(1, value.length() - 1);
		}
		if (first == '"') {
			value = value.replace("\\n", "\n").replace("\\r", "\r");
		}
		return new String[] { key, value };
	}

	/**
	 * A quoted value after {@link #at} (blanks, even line breaks, before it), followed on its last line only by blanks
	 * and a comment; else {@code null}, {@link #at} unchanged, and the value is read without quotes. As in dotenv's
	 * pattern, a backslash before a quote of the same kind may keep it inside the value (where the backslash stays),
	 * and of the places where the value may end, the furthest one after which the line holds nothing else is taken.
	 */
	private String quoted() {
		int start = this.at;
		while (start < this.text.length() && isBlank(this.text.charAt(start))) {
			start++;
		}
		if (start >= this.text.length() || "'\"`".indexOf(this.text.charAt(start)) < 0) {
			return null;
		}
		char quote = this.text.charAt(start);
		List<Integer> ends = new ArrayList<>();
		for (int i = start + 1; i < this.text.length(); i++) {
			if (this.text.charAt(i) == quote) {
				ends.add(i);
				if (i == start + 1 || this.text.charAt(i - 1) != '\\') {
					break;
				}
			}
		}
		for (int k = ends.size() - 1; k >= 0; k--) {
			int close = ends.get(k);
			int after = close + 1;
			while (after < this.text.length() && this.text.charAt(after) != '\n' && isBlank(this.text.charAt(after))) {
				after++;
			}
			if (after < this.text.length() && this.text.charAt(after) != '\n' && this.text.charAt(after) != '#') {
				continue;
			}
			String value = this.text.substring(start + 1, close);
			if (quote == '"') {
				value = value.replace("\\n", "\n").replace("\\r", "\r");
			}
			this.at = lineEnd(after) + 1;
			return value;
		}
		return null;
	}

	/** The text without the blanks at its ends, as JavaScript's {@code trim} leaves it. */
	private static String trim(String value) {
		int from = 0;
		int to = value.length();
		while (from < to && isBlank(value.charAt(from))) {
			from++;
		}
		while (to > from && isBlank(value.charAt(to - 1))) {
			to--;
		}
		return value.substring(from, to);
	}

	private void skipBlanks(boolean acrossLines) {
		while (this.at < this.text.length() && isBlank(this.text.charAt(this.at))
				&& (acrossLines || this.text.charAt(this.at) != '\n')) {
			this.at++;
		}
	}

	private int lineEnd(int from) {
		int end = this.text.indexOf('\n', from);
		return (end < 0) ? this.text.length() : end;
	}

	/** A blank as JavaScript's {@code \s} counts one, which includes a byte-order mark. */
	private static boolean isBlank(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
	}

	/** A character of a key as dotenv reads one: a letter, digit, {@code _}, {@code .} or {@code -}. */
	private static boolean isKeyChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
				|| c == '-';
	}

}
