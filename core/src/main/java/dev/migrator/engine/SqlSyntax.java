package dev.migrator.engine;

/**
 * Where the quoted and commented parts of SQL text end, by PostgreSQL's lexical rules: one place for the statement
 * splitter, which refuses a part that is never closed, and the lint's lexer, which lets it run to the end of the text.
 */
public final class SqlSyntax {

	/** The longest name PostgreSQL keeps, in bytes: {@code NAMEDATALEN} (64) less one. */
	static final int NAME_BYTES = 63;

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

	/**
	 * End (exclusive) of the {@code --} comment at {@code from}: the line break that ends it, which for PostgreSQL's
	 * lexer is a {@code \n} or a {@code \r} (a file saved with old Mac line ends has only the latter), or the end of
	 * the text.
	 */
	public static int lineCommentEnd(String sql, int from) {
		for (int i = from; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (c == '\n' || c == '\r') {
				return i;
			}
		}
		return sql.length();
	}

	/**
	 * Where the next token starts at or after {@code from}: blanks, {@code --} comments and (nested) block comments
	 * skipped; the end of the text when only they follow, or an unclosed comment.
	 */
	public static int tokenStart(String sql, int from) {
		int i = from;
		while (i < sql.length()) {
			if (Character.isWhitespace(sql.charAt(i))) {
				i++;
			}
			else if (sql.startsWith("--", i)) {
				i = lineCommentEnd(sql, i);
			}
			else if (sql.startsWith("/*", i)) {
				int end = blockCommentEnd(sql, i);
				i = (end < 0) ? sql.length() : end;
			}
			else {
				break;
			}
		}
		return i;
	}

	/**
	 * Whether a line ends at {@code i}, as editors count lines: at a {@code \n}, or at a {@code \r} that no
	 * {@code \n} follows ({@code \r\n} is one line end, counted at its {@code \n}).
	 */
	public static boolean endsLine(CharSequence text, int i) {
		char c = text.charAt(i);
		return c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
	}

	/**
	 * The name PostgreSQL stores for an unquoted identifier: {@code A}-{@code Z} folded to lower case (other letters
	 * stay as written, as in a UTF-8 database), cut as {@link #storedName} cuts it.
	 */
	public static String bareName(String word) {
		char[] chars = word.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] >= 'A' && chars[i] <= 'Z') {
				chars[i] = (char) (chars[i] + ('a' - 'A'));
			}
		}
		return storedName(new String(chars));
	}

	/**
	 * The name PostgreSQL stores for an identifier: at most {@value #NAME_BYTES} bytes of UTF-8, cut before the
	 * character that does not fit (it cuts a longer one with a NOTICE, and the statement goes on).
	 */
	public static String storedName(String name) {
		int bytes = 0;
		for (int i = 0; i < name.length();) {
			int codePoint = name.codePointAt(i);
			bytes += (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
			if (bytes > NAME_BYTES) {
				return name.substring(0, i);
			}
			i += Character.charCount(codePoint);
		}
		return name;
	}

	/** Whether a character continues an identifier or keyword. */
	public static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

}
