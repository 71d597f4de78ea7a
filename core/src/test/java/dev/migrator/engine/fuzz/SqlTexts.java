package dev.migrator.engine.fuzz;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Pieces of SQL text for the splitter fuzzing, each with the value PostgreSQL gives it: string literals in every
 * quoting PostgreSQL knows, quoted identifiers, and comments. Their contents favour the characters that end or open
 * something elsewhere ({@code ;}, quotes, {@code $}, {@code --}, {@code /*}), so that a lexer that misreads a quoting
 * rule cuts a statement in the wrong place.
 */
final class SqlTexts {

	/** Characters of string contents: the troublemakers, a few letters, and non-ASCII text. */
	private static final String TEXT_CHARS = ";;''\"\"$-/*\\ \nabcXYZ09éü日本";

	/** Tags of dollar quotes written around values; a DO body uses {@code $do$}, which none of these is. */
	private static final List<String> VALUE_TAGS = List.of("$$", "$a$", "$body$", "$x1$", "$Ω$");

	/** Tags that only ever appear inside another dollar quote's body. */
	private static final List<String> INNER_TAGS = List.of("$b$", "$c_2$", "$q$");

	private SqlTexts() {
	}

	private static Arbitrary<String> content() {
		return Arbitraries.strings().withChars(TEXT_CHARS).ofMinLength(0).ofMaxLength(12);
	}

	/** A word of letters, so that a value never starts or ends next to a quote or a {@code $}. */
	private static Arbitrary<String> word() {
		return Arbitraries.strings().withChars("abcdefxyz").ofMinLength(1).ofMaxLength(4);
	}

	/** {@code '...'} with doubled quotes; backslashes are plain characters (standard_conforming_strings). */
	static Arbitrary<Literal> plainString() {
		return content().map((text) -> new Literal("'" + text.replace("'", "''") + "'", text));
	}

	/** {@code E'...'}: a quote written {@code \'} or {@code ''}, a backslash {@code \\}, a newline {@code \n}. */
	static Arbitrary<Literal> escapeString() {
		return Combinators.combine(content(), Arbitraries.of("\\'", "''")).as((text, quote) -> {
			String body = text.replace("\\", "\\\\").replace("'", quote).replace("\n", "\\n");
			return new Literal("E'" + body + "'", text);
		});
	}

	/** {@code U&'...'}: letters written as {@code \XXXX} escapes, a backslash as {@code \\}, a quote doubled. */
	static Arbitrary<Literal> unicodeString() {
		return content().map((text) -> {
			StringBuilder body = new StringBuilder();
			for (char c : text.toCharArray()) {
				if (c == '\\') {
					body.append("\\\\");
				}
				else if (c == '\'') {
					body.append("''");
				}
				else if (Character.isLetter(c)) {
					body.append(String.format("\\%04X", (int) c));
				}
				else {
					body.append(c);
				}
			}
			return new Literal("U&'" + body + "'", text);
		});
	}

	/**
	 * {@code $tag$...$tag$} whose body holds text with {@code ;} and quotes, and dollar quotes of other tags, which
	 * are plain text inside it.
	 */
	static Arbitrary<Literal> dollarString() {
		Arbitrary<String> inner = Combinators.combine(Arbitraries.of(INNER_TAGS), content())
			.as((tag, text) -> tag + text + tag);
		Arbitrary<String> part = Arbitraries.oneOf(content(), inner);
		return Combinators.combine(Arbitraries.of(VALUE_TAGS), word(), part.list().ofMaxSize(3), word())
			.as((tag, first, parts, last) -> first + " " + String.join(" ", parts) + " " + last)
			.flatMap((text) -> Arbitraries.of(VALUE_TAGS)
				.filter((tag) -> !text.contains(tag))
				.map((tag) -> new Literal(tag + text + tag, text)));
	}

	/** Any string literal. */
	static Arbitrary<Literal> string() {
		return Arbitraries.oneOf(plainString(), escapeString(), unicodeString(), dollarString());
	}

	/**
	 * A name: {@code "..."} holding {@code ;}, quotes and {@code ""} (never longer than PostgreSQL's 63 bytes), or a
	 * bare name with {@code $} in it, which opens no dollar quote.
	 */
	static Arbitrary<String> identifier() {
		Arbitrary<String> quoted = Arbitraries.strings()
			.withChars(";\"' -abcXY")
			.ofMinLength(1)
			.ofMaxLength(12)
			.map((name) -> "\"" + name.replace("\"", "\"\"") + "\"");
		return Arbitraries.oneOf(quoted, quoted, Arbitraries.of("a$b$", "v$$", "x$1$y", "e$"));
	}

	/** A newline, as a Unix or a Windows file has it. */
	static Arbitrary<String> newline() {
		return Arbitraries.of("\n", "\r\n");
	}

	/**
	 * A comment inside a statement: {@code -- ...} to the end of the line (holding {@code ;}, quotes, {@code /*} and
	 * {@code -->}, but never Drizzle's breakpoint marker), or a block comment with nested ones.
	 */
	static Arbitrary<String> comment() {
		Arbitrary<String> lineText = Arbitraries.of("x;", " a; 'b", " -->", "--> note;", " /* not a block", " $$;",
				" \"q;", "");
		Arbitrary<String> line = Combinators.combine(lineText, newline()).as((text, nl) -> "--" + text + nl);
		Arbitrary<String> blockText = Arbitraries.of("c;", " 'x", " /* nested; */ ", " /* a /* b; */ c */ ", "$$", "--;",
				"\"");
		Arbitrary<String> block = blockText.list()
			.ofMinSize(0)
			.ofMaxSize(3)
			.map((parts) -> "/*" + String.join(" ", parts) + "*/");
		return Arbitraries.oneOf(line, block);
	}

	/** A literal's SQL and the text PostgreSQL evaluates it to. */
	record Literal(String sql, String value) {
	}

}
