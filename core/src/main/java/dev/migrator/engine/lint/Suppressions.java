package dev.migrator.engine.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrator.engine.SqlStatement;
import dev.migrator.engine.SqlSyntax;

/**
 * The {@code -- migrator:allow <rule-id> <reason>} comments of a file: plain SQL comments, so Drizzle runs the file
 * unchanged.
 *
 * <p>Where a comment applies, found by {@link #parse(String, String, List)}:
 * <ol>
 * <li>only whole lines outside statements count: the line holds nothing but the comment;</li>
 * <li>going down from the comment over comment lines only (other allow comments, Drizzle's
 * {@code --> statement-breakpoint}), the first line that starts a statement makes it apply to that statement;</li>
 * <li>a comment before the file's first statement that a blank line separates from it applies to the whole
 * file;</li>
 * <li>any other comment (a blank line or SQL between it and the next statement, inside a statement, after the last
 * one) reaches no statement: it is a {@code suppression-invalid} finding, as is an unknown rule id;</li>
 * <li>a comment without a reason silences nothing and is a {@code suppression-without-reason} finding.</li>
 * </ol>
 * The suppression rules themselves cannot be silenced by a comment, only by {@code migrator.lint.rules.<id>}.
 */
public final class Suppressions {

	private static final String MARKER = "migrator:allow";

	private static final Pattern ALLOW = Pattern.compile("--\\s*migrator:allow\\b\\s*(\\S*)\\s*(.*)");

	private final Set<Rule> fileWide = EnumSet.noneOf(Rule.class);

	private final Map<Integer, Set<Rule>> byStatement = new HashMap<>();

	private final List<Finding> problems = new ArrayList<>();

	private Suppressions() {
	}

	/**
	 * Whether a file's text may hold an allow comment; when it does not, {@link #parse(String, String, List)} finds
	 * none in it, and an empty text stands for it.
	 * @param text the file's text
	 * @return whether it mentions {@code migrator:allow} anywhere
	 */
	public static boolean mayHold(String text) {
		return text.contains(MARKER);
	}

	/**
	 * Reads the allow comments of a file.
	 * @param file the file's name, for findings
	 * @param text the file's text
	 * @param statements the file's statements, as the engine split them from that text
	 * @return what the comments silence, and the findings about comments that silence nothing
	 */
	public static Suppressions parse(String file, String text, List<SqlStatement> statements) {
		Suppressions suppressions = new Suppressions();
		if (!mayHold(text)) {
			// most files have no comment to find: no need to split them into lines and match each
			return suppressions;
		}
		// lines as the splitter counts them: \n, \r\n or a lone \r ends one
		String[] lines = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
		SqlStatement[] startingOn = new SqlStatement[lines.length + 2];
		boolean[] inStatement = new boolean[lines.length + 2];
		for (SqlStatement statement : statements) {
			int last = statement.line() + lineEnds(statement.sql());
			for (int line = statement.line(); line <= last && line <= lines.length; line++) {
				inStatement[line] = true;
			}
			if (statement.line() <= lines.length && startingOn[statement.line()] == null) {
				startingOn[statement.line()] = statement;
			}
		}
		int firstStatement = statements.isEmpty() ? Integer.MAX_VALUE : statements.get(0).line();
		for (int line = 1; line <= lines.length; line++) {
			Matcher allow = ALLOW.matcher(lines[line - 1].strip());
			if (allow.matches()) {
				int column = lines[line - 1].indexOf("--") + 1;
				Target target = target(lines, inStatement, startingOn, line, firstStatement);
				suppressions.add(file, line, column, allow.group(1), allow.group(2).strip(), target);
			}
		}
		return suppressions;
	}

	private static Target target(String[] lines, boolean[] inStatement, SqlStatement[] startingOn, int comment,
			int firstStatement) {
		if (inStatement[comment]) {
			return new Target(false, null);
		}
		int line = comment + 1;
		while (line <= lines.length && !inStatement[line] && lines[line - 1].strip().startsWith("--")) {
			line++;
		}
		if (line <= lines.length && startingOn[line] != null) {
			return new Target(false, startingOn[line]);
		}
		boolean blank = line <= lines.length && lines[line - 1].isBlank();
		return new Target(blank && comment < firstStatement, null);
	}

	private void add(String file, int line, int column, String id, String reason, Target target) {
		Rule rule = Rule.byId(id).filter(Rule::suppressible).orElse(null);
		String comment = "-- migrator:allow " + id;
		if (rule == null) {
			report(file, line, column, Rule.SUPPRESSION_INVALID, comment.strip() + " names no lint rule, so it silences"
					+ " nothing (the rules: " + String.join(", ", suppressibleIds()) + ")");
		}
		else if (!target.fileWide() && target.statement() == null) {
			report(file, line, column, Rule.SUPPRESSION_INVALID, comment + " reaches no statement, so it silences"
					+ " nothing: only comment lines may stand between it and its statement");
		}
		else if (reason.isEmpty()) {
			report(file, line, column, Rule.SUPPRESSION_WITHOUT_REASON, comment + " gives no reason, so it silences"
					+ " nothing");
		}
		else if (target.fileWide()) {
			this.fileWide.add(rule);
		}
		else {
			this.byStatement.computeIfAbsent(target.statement().number(), (n) -> EnumSet.noneOf(Rule.class)).add(rule);
		}
	}

	private void report(String file, int line, int column, Rule rule, String message) {
		this.problems.add(new Finding(rule.id(), rule.severity(), file, line, column, message, rule.fix()));
	}

	private static List<String> suppressibleIds() {
		return Arrays.stream(Rule.values()).filter(Rule::suppressible).map(Rule::id).toList();
	}

	/** Whether a comment silences this rule for this statement (or for the whole file). */
	public boolean allows(SqlStatement statement, Rule rule) {
		return rule.suppressible() && (this.fileWide.contains(rule)
				|| this.byStatement.getOrDefault(statement.number(), Set.of()).contains(rule));
	}

	/** Findings about comments that silence nothing: no reason, an unknown rule, or a place reaching no statement. */
	public List<Finding> problems() {
		return List.copyOf(this.problems);
	}

	/** Where a comment applies: the whole file, one statement, or nowhere (neither). */
	private record Target(boolean fileWide, SqlStatement statement) {
	}

	private static int lineEnds(String sql) {
		int count = 0;
		for (int i = 0; i < sql.length(); i++) {
			if (SqlSyntax.endsLine(sql, i)) {
				count++;
			}
		}
		return count;
	}

}
