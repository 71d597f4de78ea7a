package dev.migrator.engine.lint;

import dev.migrator.engine.SqlSyntax;

/**
 * Where the quoted and commented parts of SQL text end, by the rules of {@link SqlSyntax} (which the engine's
 * statement splitter follows too), except that an unclosed part ends at the end of the text; and the value of a quoted
 * part.
 */
final class SqlText {

	private SqlText() {
	}

	/** End (exclusive) of the nested block comment opening at {@code open}. */
	static int blockCommentEnd(String sql, int open) {
		int end = SqlSyntax.blockCommentEnd(sql, open);
		return (end < 0) ? sql.length() : end;
	}

	/**
	 * End (exclusive, after the closing quote) of a quoted part whose content starts at {@code from}.
	 * @param quote {@code '} or {@code "}; a doubled quote stands for one
	 * @param backslashEscapes whether a backslash escapes the next character ({@code E'...'})
	 */
	static int quotedEnd(String sql, int from, char quote, boolean backslashEscapes) {
		int end = SqlSyntax.quotedEnd(sql, from, quote, backslashEscapes);
		return (end < 0) ? sql.length() : end;
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

}
