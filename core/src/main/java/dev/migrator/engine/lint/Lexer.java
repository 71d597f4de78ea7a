package dev.migrator.engine.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrator.engine.SqlStatement;
import dev.migrator.engine.SqlSyntax;

/**
 * Turns a statement's text into tokens, with the rules the engine's statement splitter uses: comments ({@code --},
 * nested {@code /* *}{@code /}) and blanks are dropped; {@code '...'} (quotes doubled), {@code E'...'} (backslash
 * escapes), {@code "..."} and {@code $tag$...$tag$} are one token each. Each token carries its line and column in
 * the file. It never fails: an unclosed quote or comment (which the splitter has already refused) ends at the end.
 */
final class Lexer {

	private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

	private final String sql;

	private final List<Token> tokens = new ArrayList<>();

	private int line;

	private int lineStart;

	private int scanned;

	private Lexer(SqlStatement statement) {
		this.sql = statement.sql();
		this.line = statement.line();
		// so that offset 0 lands on the statement's own column
		this.lineStart = 1 - statement.column();
	}

	static List<Token> tokens(SqlStatement statement) {
		Lexer lexer = new Lexer(statement);
		lexer.run();
		return List.copyOf(lexer.tokens);
	}

	private void run() {
		int n = this.sql.length();
		int i = 0;
		while (i < n) {
			char c = this.sql.charAt(i);
			if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
				// the common case first: the lint runs on every pending statement, often in a JVM not yet warm
				i++;
				continue;
			}
			char next = (i + 1 < n) ? this.sql.charAt(i + 1) : '\0';
			if (Character.isWhitespace(c) || c == '\uFEFF') {
				i++;
			}
			else if (c == '-' && next == '-') {
				i = SqlSyntax.lineCommentEnd(this.sql, i);
			}
			else if (c == '/' && next == '*') {
				i = SqlText.blockCommentEnd(this.sql, i);
			}
			else if (c == '\'') {
				i = quoted(i, i + 1, '\'', false, Token.Kind.STRING);
			}
			else if ((c == 'E' || c == 'e') && next == '\'' && !afterWord(i)) {
				i = quoted(i, i + 2, '\'', true, Token.Kind.STRING);
			}
			else if (c == '"') {
				i = quoted(i, i + 1, '"', false, Token.Kind.QUOTED_IDENTIFIER);
			}
			else if (c == '$' && !afterWord(i)) {
				i = dollar(i);
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = skip(i + 1, true);
				String text = this.sql.substring(i, end);
				add(Token.Kind.WORD, i, end, text.toUpperCase(Locale.ROOT));
				i = end;
			}
			else if (Character.isDigit(c) || (c == '.' && Character.isDigit(next))) {
				int end = skip(i + 1, false);
				add(Token.Kind.NUMBER, i, end, this.sql.substring(i, end));
				i = end;
			}
			else {
				int end = symbolEnd(i, c, next);
				add(Token.Kind.SYMBOL, i, end, this.sql.substring(i, end));
				i = end;
			}
		}
	}

	private boolean afterWord(int i) {
		return i > 0 && SqlSyntax.isWordPart(this.sql.charAt(i - 1));
	}

	private int quoted(int open, int from, char quote, boolean backslashEscapes, Token.Kind kind) {
		int end = SqlText.quotedEnd(this.sql, from, quote, backslashEscapes);
		int contentEnd = (end > from && this.sql.charAt(end - 1) == quote) ? end - 1 : end;
		add(kind, open, end, SqlText.unquote(this.sql.substring(from, contentEnd), quote, backslashEscapes));
		return end;
	}

	private int dollar(int i) {
		int tagEnd = SqlSyntax.dollarTagEnd(this.sql, i);
		if (tagEnd < 0) {
			int end = skip(i + 1, false);
			add((end > i + 1) ? Token.Kind.PARAMETER : Token.Kind.SYMBOL, i, end, this.sql.substring(i, end));
			return end;
		}
		String tag = this.sql.substring(i, tagEnd);
		int close = this.sql.indexOf(tag, tagEnd);
		int end = (close < 0) ? this.sql.length() : close + tag.length();
		add(Token.Kind.DOLLAR_STRING, i, end, this.sql.substring(tagEnd, (close < 0) ? end : close));
		return end;
	}

	private int symbolEnd(int i, char c, char next) {
		if (c == ':' && next == ':') {
			return i + 2;
		}
		if (OPERATOR_CHARS.indexOf(c) < 0) {
			return i + 1;
		}
		int end = i + 1;
		while (end < this.sql.length() && OPERATOR_CHARS.indexOf(this.sql.charAt(end)) >= 0
				&& !this.sql.startsWith("--", end) && !this.sql.startsWith("/*", end)) {
			end++;
		}
		return end;
	}

	private int skip(int from, boolean word) {
		int end = from;
		while (end < this.sql.length()
				&& (SqlSyntax.isWordPart(this.sql.charAt(end)) || (!word && this.sql.charAt(end) == '.'))) {
			end++;
		}
		return end;
	}

	private void add(Token.Kind kind, int start, int end, String value) {
		// tokens arrive in order, so lines are counted once over the whole text
		for (; this.scanned < start; this.scanned++) {
			if (SqlSyntax.endsLine(this.sql, this.scanned)) {
				this.line++;
				this.lineStart = this.scanned + 1;
			}
		}
		this.tokens.add(new Token(kind, this.sql.substring(start, end), value, this.line, start - this.lineStart + 1));
	}

}
