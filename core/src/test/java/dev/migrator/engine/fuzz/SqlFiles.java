package dev.migrator.engine.fuzz;

import java.util.ArrayList;
import java.util.List;

import dev.migrator.engine.fuzz.SqlTexts.Literal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates migration files whose statement boundaries are known.
 *
 * <p>Steps of {@link #files()}:
 * <ol>
 * <li>draw statements of the kinds a migration holds, built from {@link SqlTexts}: {@code INSERT ... VALUES} of
 * concatenated literals with comments between them, {@code INSERT ... SELECT} through quoted identifiers, a
 * {@code DO} block whose dollar-quoted body holds its own {@code ;}, and a {@code BEGIN ATOMIC} function with nested
 * {@code CASE ... END} followed by an insert that calls it; every statement adds rows to {@code fz.fuzz (n, v)};</li>
 * <li>join them with separators: {@code ;} then a newline (LF or CRLF), a space, a comment, an empty statement or
 * drizzle-kit's {@code --> statement-breakpoint} (with or without the {@code ;});</li>
 * <li>maybe start the file with a BOM and a comment, and end it without a {@code ;};</li>
 * <li>note where each statement starts, as line:column (1-based, the BOM not counted).</li>
 * </ol>
 */
final class SqlFiles {

	private SqlFiles() {
	}

	/** Generated files of one to six statements. */
	static Arbitrary<SqlFile> files() {
		Arbitrary<List<Part>> parts = Arbitraries.oneOf(statement(), atomicFunction()).list().ofMinSize(1).ofMaxSize(4)
			.map((groups) -> groups.stream().flatMap(List::stream).toList());
		Arbitrary<String> start = Arbitraries.of("", "\uFEFF", "-- header; note\n", "\uFEFF/* a; */\r\n", "\n\n");
		Arbitrary<String> end = Arbitraries.of("", ";", ";\n", "\n", ";--> statement-breakpoint\n");
		return Combinators.combine(start, parts, separator().list().ofSize(6), end).as(SqlFiles::assemble);
	}

	private static SqlFile assemble(String start, List<Part> parts, List<String> separators, String end) {
		StringBuilder text = new StringBuilder(start);
		List<SqlFile.Expected> expected = new ArrayList<>();
		int functions = 0;
		for (int i = 0; i < parts.size(); i++) {
			int newlines = (int) text.chars().filter((c) -> c == '\n').count();
			int lineStart = text.lastIndexOf("\n") + 1;
			boolean bomOnLine = newlines == 0 && text.length() > 0 && text.charAt(0) == '\uFEFF';
			int column = text.length() - lineStart + 1 - (bomOnLine ? 1 : 0);
			functions += parts.get(i).sql().startsWith("CREATE FUNCTION") ? 1 : 0;
			String sql = parts.get(i)
				.sql()
				.replace("{n}", Integer.toString(i + 1))
				.replace("{f}", Integer.toString(functions));
			expected.add(new SqlFile.Expected(sql, newlines + 1, column));
			text.append(sql).append((i < parts.size() - 1) ? separators.get(i % separators.size()) : end);
		}
		return new SqlFile(text.toString(), List.copyOf(expected));
	}

	/** What ends a statement before the next one. */
	private static Arbitrary<String> separator() {
		Arbitrary<String> between = Arbitraries.of("", " ", "\n", " -- after; it -->", " /* c; /* d */ */", "\n;",
				"\n\n-- next;");
		return Combinators.combine(Arbitraries.of(";", ";--> statement-breakpoint", "\n--> statement-breakpoint"), between,
				SqlTexts.newline())
			.as((end, after, newline) -> end.contains("breakpoint") ? end + newline
					: end + after.replace("\n", newline) + newline);
	}

	/** A value: one to three literals joined with {@code ||}, maybe with comments around the operator. */
	static Arbitrary<Literal> expression() {
		Arbitrary<String> gap = Arbitraries.oneOf(Arbitraries.of(" ", "\n", " "), SqlTexts.comment().map((c) -> " " + c));
		return Combinators.combine(SqlTexts.string().list().ofMinSize(1).ofMaxSize(3), gap.list().ofSize(2))
			.as((literals, gaps) -> {
				StringBuilder sql = new StringBuilder(literals.get(0).sql());
				StringBuilder value = new StringBuilder(literals.get(0).value());
				for (int i = 1; i < literals.size(); i++) {
					sql.append(gaps.get(i - 1)).append("||").append(" ").append(literals.get(i).sql());
					value.append(literals.get(i).value());
				}
				return new Literal(sql.toString(), value.toString());
			});
	}

	/** One statement that adds a row; {@code {n}} stands for its number in the file, {@code {f}} for a function's. */
	private static Arbitrary<List<Part>> statement() {
		Arbitrary<String> values = expression().map((e) -> "INSERT INTO fz.fuzz (n, v) VALUES ({n}, " + e.sql() + ")");
		Arbitrary<String> select = Combinators.combine(expression(), SqlTexts.identifier(),
				SqlTexts.identifier())
			.as((e, column, alias) -> "INSERT INTO fz.fuzz (n, v) SELECT {n}, " + alias + "." + column + " FROM (SELECT "
					+ e.sql() + " AS " + column + ") AS " + alias);
		Arbitrary<String> block = expression().filter((e) -> !e.sql().contains("$do$"))
			.map((e) -> "DO $do$ BEGIN\n  INSERT INTO fz.fuzz (n, v) VALUES ({n}, " + e.sql() + "); -- inside; the body\n"
					+ "END $do$");
		return Arbitraries.oneOf(values, select, block).map((sql) -> List.of(new Part(sql)));
	}

	/**
	 * {@code CREATE FUNCTION ... BEGIN ATOMIC ... END} whose body has statements and nested {@code CASE ... END},
	 * then an insert that calls it.
	 */
	private static Arbitrary<List<Part>> atomicFunction() {
		return Combinators.combine(expression(), expression(), expression(), Arbitraries.of("", "SELECT 'a;b';\n  "))
			.as((when, then, otherwise, before) -> List.of(
					new Part("CREATE FUNCTION fz.f{f}() RETURNS text LANGUAGE sql\nBEGIN ATOMIC\n  " + before
							+ "SELECT CASE WHEN " + when.sql() + " = " + when.sql() + " THEN CASE WHEN true THEN "
							+ then.sql() + " END ELSE " + otherwise.sql() + " END;\nEND"),
					new Part("INSERT INTO fz.fuzz (n, v) SELECT {n}, fz.f{f}() AS \"END;\"")));
	}

	/** A statement's text, before its number is put in. */
	private record Part(String sql) {
	}

}
