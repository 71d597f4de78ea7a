package dev.migrator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] table ...} statement creates: the
 * index's name (as PostgreSQL stores it: a bare word with A-Z folded to lower case, a quoted one as written, either
 * cut to 63 bytes) and the table as written, which {@code to_regclass} resolves the way the statement does.
 *
 * @param name the index name
 * @param table the table reference as written, such as {@code "transaction"} or {@code app.orders}
 * @param statement the statement
 */
record ConcurrentIndex(String name, String table, SqlStatement statement) {

	/** The index a statement creates concurrently, or empty (also for an unnamed index, whose name the server picks). */
	static Optional<ConcurrentIndex> of(SqlStatement statement) {
		List<String> words = words(statement.sql(), 12);
		int at = 0;
		if (!word(words, at++).equals("CREATE")) {
			return Optional.empty();
		}
		at += word(words, at).equals("UNIQUE") ? 1 : 0;
		if (!word(words, at++).equals("INDEX") || !word(words, at++).equals("CONCURRENTLY")) {
			return Optional.empty();
		}
		if (word(words, at).equals("IF")) {
			at += 3;
		}
		if (word(words, at).equals("ON") || at + 1 >= words.size() || !word(words, at + 1).equals("ON")) {
			return Optional.empty();
		}
		String name = identifier(words.get(at));
		int table = at + 2 + (word(words, at + 2).equals("ONLY") ? 1 : 0);
		return (table < words.size()) ? Optional.of(new ConcurrentIndex(name, words.get(table), statement))
				: Optional.empty();
	}

	/** A word upper-cased for comparison; quoted identifiers never equal a keyword. */
	private static String word(List<String> words, int index) {
		if (index >= words.size() || words.get(index).startsWith("\"")) {
			return "";
		}
		return words.get(index).toUpperCase(Locale.ROOT);
	}

	private static String identifier(String word) {
		return word.startsWith("\"") ? SqlSyntax.storedName(word.substring(1, word.length() - 1).replace("\"\"", "\""))
				: SqlSyntax.bareName(word);
	}

	/**
	 * The first words of a statement: bare words, {@code "quoted"} identifiers, and dotted names such as
	 * {@code app."Orders"} kept whole; comments and blanks skipped; parentheses end the scan.
	 */
	private static List<String> words(String sql, int max) {
		List<String> words = new ArrayList<>();
		int n = sql.length();
		for (int i = SqlSyntax.tokenStart(sql, 0); i < n && words.size() < max; i = SqlSyntax.tokenStart(sql, i)) {
			char c = sql.charAt(i);
			if (c == '"' || Character.isLetter(c) || c == '_') {
				int start = i;
				i = name(sql, i);
				while (i < n && sql.charAt(i) == '.') {
					i = name(sql, i + 1);
				}
				words.add(sql.substring(start, i));
			}
			else {
				break;
			}
		}
		return words;
	}

	/** End of one name part starting at {@code i}: a quoted identifier or a bare word. */
	private static int name(String sql, int i) {
		int n = sql.length();
		if (i < n && sql.charAt(i) == '"') {
			int j = i + 1;
			while (j < n) {
				if (sql.charAt(j) == '"' && (j + 1 >= n || sql.charAt(j + 1) != '"')) {
					return j + 1;
				}
				j += (sql.charAt(j) == '"') ? 2 : 1;
			}
			return n;
		}
		int j = i;
		while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
			j++;
		}
		return j;
	}

}
