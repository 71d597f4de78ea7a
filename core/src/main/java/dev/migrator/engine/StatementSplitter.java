package dev.migrator.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration file into statements the way PostgreSQL's own lexer sees them, so each statement can be sent
 * alone and an error can point at its line.
 *
 * <p>A statement ends at a {@code ;} outside of comments ({@code --}, nested {@code /* *}{@code /}), strings
 * ({@code '...'}, {@code E'...'} with backslash escapes), quoted identifiers ({@code "..."}), dollar-quoted bodies
 * ({@code $tag$...$tag$}) and {@code BEGIN ATOMIC ... END} function bodies (whose {@code CASE ... END} pairs are
 * counted). Drizzle Kit's {@code --> statement-breakpoint} comment also ends a statement, as Drizzle splits on it.
 * Parts holding only blanks and comments are dropped.
 */
public final class StatementSplitter {

	static final String BREAKPOINT = "--> statement-breakpoint";

	private final String file;

	private final String sql;

	private final int[] lineStarts;

	private final List<SqlStatement> statements = new ArrayList<>();

	private List<String> keywords = new ArrayList<>();

	private int start = -1;

	private int atomicDepth;

	private StatementSplitter(String file, String sql) {
		this.file = file;
		this.sql = sql;
		this.lineStarts = lineStarts(sql);
	}

	/**
	 * Splits the text of a file.
	 * @param file file name, for error messages
	 * @param sql the file's text
	 * @return its statements in order
	 * @throws JournalException when a string, comment or dollar-quoted body is not closed
	 */
	public static List<SqlStatement> split(String file, String sql) {
		StatementSplitter splitter = new StatementSplitter(file, sql);
		splitter.run();
		return List.copyOf(splitter.statements);
	}

	private void run() {
		int i = 0;
		int n = this.sql.length();
		while (i < n) {
			char c = this.sql.charAt(i);
			char next = i + 1 < n ? this.sql.charAt(i + 1) : '\0';
			if (Character.isWhitespace(c) || c == '\uFEFF') {
				i++;
			}
			else if (c == '-' && next == '-') {
				int end = SqlSyntax.lineCommentEnd(this.sql, i);
				if (this.atomicDepth == 0 && this.sql.startsWith(BREAKPOINT, i)) {
					finish(i);
				}
				i = end;
			}
			else if (c == '/' && next == '*') {
				i = skipBlockComment(i);
			}
			else {
				if (this.start < 0) {
					this.start = i;
				}
				i = token(i, c, next);
			}
		}
		finish(n);
	}

	private int token(int i, char c, char next) {
		boolean afterWord = i > 0 && SqlSyntax.isWordPart(this.sql.charAt(i - 1));
		if (c == ';') {
			if (this.atomicDepth == 0) {
				finish(i);
			}
			return i + 1;
		}
		if (c == '\'') {
			return skipQuoted(i, i + 1, '\'', false, "string");
		}
		if ((c == 'E' || c == 'e') && next == '\'' && !afterWord) {
			return skipQuoted(i, i + 2, '\'', true, "escape string");
		}
		if (c == '"') {
			return skipQuoted(i, i + 1, '"', false, "quoted identifier");
		}
		if (c == '$' && !afterWord) {
			int tagEnd = SqlSyntax.dollarTagEnd(this.sql, i);
			if (tagEnd > 0) {
				String tag = this.sql.substring(i, tagEnd);
				int close = this.sql.indexOf(tag, tagEnd);
				if (close < 0) {
					throw unterminated("dollar-quoted body " + tag, i);
				}
				return close + tag.length();
			}
			return i + 1;
		}
		if (Character.isLetter(c) || c == '_') {
			int end = i + 1;
			while (end < this.sql.length() && SqlSyntax.isWordPart(this.sql.charAt(end))) {
				end++;
			}
			word(this.sql.substring(i, end).toUpperCase(Locale.ROOT));
			return end;
		}
		if (Character.isDigit(c)) {
			int end = i + 1;
			while (end < this.sql.length() && (SqlSyntax.isWordPart(this.sql.charAt(end)) || this.sql.charAt(end) == '.')) {
				end++;
			}
			return end;
		}
		return i + 1;
	}

	private void word(String word) {
		String previous = this.keywords.isEmpty() ? "" : this.keywords.get(this.keywords.size() - 1);
		if (this.atomicDepth == 0) {
			if (word.equals("ATOMIC") && previous.equals("BEGIN")) {
				this.atomicDepth = 1;
			}
		}
		else if (word.equals("CASE")) {
			this.atomicDepth++;
		}
		else if (word.equals("END")) {
			this.atomicDepth--;
		}
		this.keywords.add(word);
	}

	private void finish(int end) {
		String text = (this.start >= 0) ? this.sql.substring(this.start, end).strip() : "";
		if (!text.isEmpty()) {
			int line = lineOf(this.start);
			this.statements.add(new SqlStatement(this.statements.size() + 1, text, line, column(this.start, line),
					List.copyOf(this.keywords)));
		}
		this.start = -1;
		this.keywords = new ArrayList<>();
		this.atomicDepth = 0;
	}

	private int skipQuoted(int open, int from, char quote, boolean backslashEscapes, String what) {
		int end = SqlSyntax.quotedEnd(this.sql, from, quote, backslashEscapes);
		if (end < 0) {
			throw unterminated(what, open);
		}
		return end;
	}

	private int skipBlockComment(int open) {
		int end = SqlSyntax.blockCommentEnd(this.sql, open);
		if (end < 0) {
			throw unterminated("block comment", open);
		}
		return end;
	}

	private JournalException unterminated(String what, int offset) {
		int line = lineOf(offset);
		// psql scripts carry a COPY's rows after it; they are no SQL, and often hold a quote
		String copy = this.statements.stream()
			.filter((statement) -> statement.clientOnly() != null && statement.clientOnly().startsWith("COPY"))
			.map((statement) -> " (it follows the " + statement.clientOnly() + " at line " + statement.line()
					+ ", whose rows only psql can send: write them as INSERT ... VALUES)")
			.findFirst()
			.orElse("");
		return new JournalException(this.file + ": the " + what + " opened at line " + line + ":" + column(offset, line)
				+ " is never closed" + copy,
				"Close it in " + this.file + "; until then no statement of this file can be told apart.");
	}

	/** 1-based column of an offset, as editors count it: a BOM at the start of the file takes no column. */
	private int column(int offset, int line) {
		boolean bom = line == 1 && offset > 0 && this.sql.charAt(0) == '\uFEFF';
		return offset - this.lineStarts[line - 1] + (bom ? 0 : 1);
	}

	private int lineOf(int offset) {
		int index = Arrays.binarySearch(this.lineStarts, offset);
		return index >= 0 ? index + 1 : -index - 1;
	}

	private static int[] lineStarts(String sql) {
		int[] starts = new int[16];
		int count = 1;
		if (sql.indexOf('\r') < 0) {
			// String.indexOf scans in one intrinsic step, also before the JIT has compiled this loop
			for (int newline = sql.indexOf('\n'); newline >= 0; newline = sql.indexOf('\n', newline + 1)) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = newline + 1;
			}
			return Arrays.copyOf(starts, count);
		}
		for (int i = 0; i < sql.length(); i++) {
			if (SqlSyntax.endsLine(sql, i)) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		return Arrays.copyOf(starts, count);
	}

}
