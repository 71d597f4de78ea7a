package dev.migrator.engine.lint;

import dev.migrator.engine.SqlSyntax;

/**
 * One lexical token of a statement.
 *
 * @param kind what the token is
 * @param text the token as written
 * @param value for a word its upper-cased text, for a quoted identifier or a string its content with quotes and
 * escapes resolved, for a dollar-quoted string its body; else the text
 * @param line 1-based line in the file
 * @param column 1-based column in that line
 */
record Token(Kind kind, String text, String value, int line, int column) {

	/** What follows the last token: matches nothing, so look-ahead needs no bounds checks. */
	static final Token END = new Token(Kind.END, "", "", 0, 0);

	boolean isWord(String upperCase) {
		return this.kind == Kind.WORD && this.value.equals(upperCase);
	}

	boolean isSymbol(String symbol) {
		return this.kind == Kind.SYMBOL && this.value.equals(symbol);
	}

	/** Whether it can name a table or column: a word or a quoted identifier. */
	boolean isIdentifier() {
		return this.kind == Kind.WORD || this.kind == Kind.QUOTED_IDENTIFIER;
	}

	/** The name PostgreSQL sees: an unquoted word folded to lower case, a quoted identifier as it is. */
	String identifier() {
		return (this.kind == Kind.WORD) ? SqlSyntax.bareName(this.text) : SqlSyntax.storedName(this.value);
	}

	/** The kinds of tokens. */
	enum Kind {

		/** A keyword or unquoted identifier. */
		WORD,

		/** {@code "..."}. */
		QUOTED_IDENTIFIER,

		/** {@code '...'} or {@code E'...'}. */
		STRING,

		/** {@code $tag$...$tag$}. */
		DOLLAR_STRING,

		/** A numeric constant. */
		NUMBER,

		/** {@code $1}. */
		PARAMETER,

		/** Punctuation or an operator, such as {@code (}, {@code ,}, {@code ::} or {@code ->>}. */
		SYMBOL,

		/** Past the last token. */
		END

	}

}
