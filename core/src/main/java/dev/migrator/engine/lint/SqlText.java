package dev.migrator.engine.lint;

/**
 * Where the quoted and commented parts of SQL text end, by PostgreSQL's lexical rules (the same the engine's
 * statement splitter follows). An unclosed part ends at the end of the text.
 */
final class SqlText {

	private SqlText() {
	}

	/** End (exclusive) of the nested block comment opening at {@code open}. */
	static int blockCommentEnd(String sql, int open) {
		int depth = 0;
		int i = open;
		while (i < sql.length() - 1) {
			if (sql.startsWith("/*", i)) {
				depth++;
				i += 2;
			}
			else if (sql.startsWith("*/", i)) {
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
		return sql.length();
	}

	/**
	 * End (exclusive, after the closing quote) of a quoted part whose content starts at {@code from}.
	 * @param quote {@code '} or {@code "}; a doubled quote stands for one
	 * @param backslashEscapes whether a backslash escapes the next character ({@code E'...'})
	 */
	static int quotedEnd(String sql, int from, char quote, boolean backslashEscapes) {
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
		return sql.length();
	}

	/** The content of a quoted part, its quotes and escapes resolved. */
	static String unquote(String content, char quote, boolean backslashEscapes) {
		if (content.indexOf(quote) < 0 && (!backslashEscapes || content.indexOf('\\') < 0)) {
			// nearly every quoted identifier: nothing to resolve
			return content;
		}
		StringBuilder value = new StringBuilder(content.length());
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (backslashEscapes && c == '\\' && i + 1 < content.length()) {
				char escaped = content.charAt(++i);
				value.append((escaped == 'n') ? '\n' : (escaped == 't') ? '\t' : escaped);
			}
			else {
				value.append(c);
				if (c == quote && i + 1 < content.length() && content.charAt(i + 1) == quote) {
					i++;
				}
			}
		}
		return value.toString();
	}

	/**
	 * End (exclusive) of the {@code $tag$} opening a dollar-quoted body at {@code i}, or -1 when the {@code $}
	 * opens none (such as {@code $1}).
	 */
	static int dollarTagEnd(String sql, int i) {
		int j = i + 1;
		if (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
			while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
				j++;
			}
		}
		return (j < sql.length() && sql.charAt(j) == '$') ? j + 1 : -1;
	}

	static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

}
