package dev.migrator.engine.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement's tokens with the look-ups the checks need. Reading past the end gives {@link Token#END}, so a check
 * never fails on a statement shorter than it expected; it only finds that the statement does not match.
 */
final class Tokens {

	private final List<Token> list;

	Tokens(List<Token> list) {
		this.list = list;
	}

	Token get(int i) {
		return (i >= 0 && i < this.list.size()) ? this.list.get(i) : Token.END;
	}

	int size() {
		return this.list.size();
	}

	/** Whether the words start at {@code i}, in order. */
	boolean words(int i, String... words) {
		for (int k = 0; k < words.length; k++) {
			if (!get(i + k).isWord(words[k])) {
				return false;
			}
		}
		return true;
	}

	/** The index after the words when they start at {@code i}; else {@code i}. */
	int skip(int i, String... words) {
		return words(i, words) ? i + words.length : i;
	}

	/** Index after the bracket matching the {@code (} or {@code [} at {@code open}; else the next index. */
	int afterBrackets(int open) {
		if (!get(open).isSymbol("(") && !get(open).isSymbol("[")) {
			return open + 1;
		}
		int depth = 0;
		for (int i = open; i < size(); i++) {
			Token token = get(i);
			if (token.isSymbol("(") || token.isSymbol("[")) {
				depth++;
			}
			else if ((token.isSymbol(")") || token.isSymbol("]")) && --depth == 0) {
				return i + 1;
			}
		}
		return size();
	}

	/** Index of the first word at bracket depth 0 in {@code [from, to)} that is one of {@code words}, or -1. */
	int find(int from, int to, String... words) {
		for (int i = from; i < to; i = afterBrackets(i)) {
			for (String word : words) {
				if (get(i).isWord(word)) {
					return i;
				}
			}
		}
		return -1;
	}

	/** Whether the words stand in {@code [from, to)} in this order, at bracket depth 0. */
	boolean contains(int from, int to, String... words) {
		for (int i = from; i < to; i = afterBrackets(i)) {
			if (words(i, words)) {
				return true;
			}
		}
		return false;
	}

	/** The {@code [start, end)} ranges of {@code [from, to)} between commas at bracket depth 0. */
	List<int[]> commaSeparated(int from, int to) {
		List<int[]> parts = new ArrayList<>();
		int start = from;
		for (int i = from; i < to; i = afterBrackets(i)) {
			if (get(i).isSymbol(",")) {
				parts.add(new int[] { start, i });
				start = i + 1;
			}
		}
		parts.add(new int[] { start, to });
		return parts;
	}

	/** Index after the dotted name ({@code a}, {@code a.b}, {@code "a"."b"}) at {@code i}; {@code i} when none. */
	int afterName(int i) {
		int end = i;
		while (get(end).isIdentifier()) {
			end++;
			if (!get(end).isSymbol(".")) {
				return end;
			}
			end++;
		}
		return i;
	}

	/**
	 * The table a dotted name at {@code i} names ({@code table}, {@code schema.table}, or
	 * {@code database.schema.table}), or {@code null} when there is none.
	 */
	TableName tableName(int i) {
		int end = afterName(i);
		if (end == i) {
			return null;
		}
		Token last = get(end - 1);
		Token schema = (end - 3 >= i) ? get(end - 3) : null;
		return new TableName((schema != null) ? schema.identifier() : null, last.identifier());
	}

}
