package dev.migrator.engine;

/**
 * Where the quoted and commented parts of SQL text end, by PostgreSQL's lexical rules: one place for the statement
 * splitter, which refuses a part that is never closed, and the lint's lexer, which lets it run to the end of the text.
 */
public final class SqlSyntax {

	private SqlSyntax() {
	}

	/**
	 * End (exclusive, after the closing quote) of a quoted part whose content starts at {@code from}, or -1 when it
	 * is never closed.
	 * @param quote {@code '} or {@code "}; a doubled quote stands for one
	 * @param backslashEscapes whether a backslash escapes the next character ({@code E'...'})
	 */
	public static int quotedEnd(String sql, int from, char quote, boolean backslashEscapes) {
		int i = from;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if ((backslashEscapes && c == '\\') || (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote)) {
				i += 2;
			}
			else if (c == quote) {
				return i + 1;
			}
			else {
				i++;
			}
		}
		return -1;
	}

	/** End (exclusive) of the nested block comment opening at {@code open}, or -1 when it is never closed. */
	public static int blockCommentEnd(String sql, int open) {
		int depth = 0;
		int i = open;
		while (i < sql.length() - 1) {
			if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
				depth++;
				i += 2;
			}
			else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return -1;
	}

	/**
	 * End (exclusive) of the {@code $tag$} opening a dollar-quoted body at {@code i}, or -1 when the {@code $} opens
	 * none (such as {@code $1}).
	 */
	public static int dollarTagEnd(String sql, int i) {
		int j = i + 1;
		if (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
			while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
				j++;
			}
		}
		return (j < sql.length() && sql.charAt(j) == '$') ? j + 1 : -1;
	}

	/** Whether a character continues an identifier or keyword. */
	public static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

}
