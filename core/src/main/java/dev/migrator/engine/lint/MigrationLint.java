package dev.migrator.engine.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.engine.Migration;
import dev.migrator.engine.Segment;
import dev.migrator.engine.SqlStatement;

/**
 * Lints one migration, remembering what its earlier statements did.
 *
 * <p>Steps:
 * <ol>
 * <li>tokenize each statement whose first word a check is for ({@link Lexer}) and hand it, by its leading words, to
 * the check for its kind:
 * {@code CREATE TABLE}/{@code DROP TABLE} ({@link TableChecks}), {@code CREATE INDEX} ({@link IndexCheck}),
 * {@code ALTER TABLE} ({@link AlterTableChecks}), {@code UPDATE}/{@code DELETE} ({@link BackfillCheck}); any other
 * statement, and any statement a check cannot follow, is skipped;</li>
 * <li>a table is existing when the migration did not create it earlier (tables it renames keep their facts) and
 * the {@link DatabaseFacts} say it exists; only statements on existing tables are findings;</li>
 * <li>then each transactional segment is searched for enum values used after they were added
 * ({@link EnumCheck});</li>
 * <li>a finding a {@code migrator:allow} comment silences for its statement is dropped.</li>
 * </ol>
 */
final class MigrationLint {

	private static final Logger logger = LoggerFactory.getLogger(MigrationLint.class);

	/** The first words of the statements {@link #check(SqlStatement, Tokens)} hands to a check. */
	private static final Set<String> CHECKED = Set.of("CREATE", "DROP", "ALTER", "UPDATE", "DELETE", "WITH");

	private final String file;

	private final DatabaseFacts facts;

	private final long largeTableRows;

	private final Suppressions suppressions;

	private final List<Finding> findings = new ArrayList<>();

	private final MigrationTables tables = new MigrationTables();

	private MigrationLint(String file, DatabaseFacts facts, long largeTableRows, Suppressions suppressions) {
		this.file = file;
		this.facts = facts;
		this.largeTableRows = largeTableRows;
		this.suppressions = suppressions;
	}

	/** The findings of one migration, in file order, before the settings' per-rule levels. */
	static List<Finding> lint(Migration migration, Suppressions suppressions, DatabaseFacts facts,
			long largeTableRows) {
		MigrationLint lint = new MigrationLint(migration.entry().fileName(), facts, largeTableRows, suppressions);
		Map<Integer, Tokens> tokens = new HashMap<>();
		Function<SqlStatement, Tokens> tokensOf = (statement) -> tokens.computeIfAbsent(statement.number(),
				(number) -> new Tokens(Lexer.tokens(statement)));
		for (SqlStatement statement : migration.statements()) {
			if (!CHECKED.contains(statement.word(0))) {
				// no check looks at it (an INSERT of data, a COMMENT, a DO block): it is tokenized only if the enum
				// check needs its literals
				continue;
			}
			Tokens parsed = tokensOf.apply(statement);
			try {
				lint.check(statement, parsed);
			}
			catch (RuntimeException ex) {
				// a statement of a shape no check foresaw is skipped, never an error: the lint only advises
				logger.debug("Lint skipped statement {} of {}", statement.number(), lint.file, ex);
			}
		}
		for (Segment segment : migration.segments()) {
			if (segment.transactional()) {
				EnumCheck.check(lint, segment.statements(), tokensOf);
			}
		}
		List<Finding> all = new ArrayList<>(suppressions.problems());
		all.addAll(lint.findings);
		all.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
		return all;
	}

	private void check(SqlStatement statement, Tokens tokens) {
		Token first = tokens.get(0);
		if (first.isWord("CREATE")) {
			TableChecks.create(this, statement, tokens);
			IndexCheck.check(this, statement, tokens);
		}
		else if (first.isWord("DROP") && tokens.words(1, "TABLE")) {
			TableChecks.drop(this, statement, tokens);
		}
		else if (first.isWord("ALTER") && tokens.words(1, "TABLE")) {
			AlterTableChecks.check(this, statement, tokens);
		}
		else if (first.isWord("UPDATE") || first.isWord("DELETE") || first.isWord("WITH")) {
			BackfillCheck.check(this, statement, tokens);
		}
	}

	/** What this migration has done to tables so far. */
	MigrationTables tables() {
		return this.tables;
	}

	/** Whether the table was there before this migration (see the class comment). */
	boolean existing(TableName table) {
		return !this.tables.createdHere(table) && this.facts.tableExists(this.tables.original(table));
	}

	/** Whether the database says the table holds more live rows than the threshold. */
	boolean large(TableName table) {
		OptionalLong rows = this.facts.liveRows(this.tables.original(table));
		return rows.isPresent() && rows.getAsLong() > this.largeTableRows;
	}

	/** Whether the facts come from a database (see {@link DatabaseFacts#live()}). */
	boolean live() {
		return this.facts.live();
	}

	/**
	 * Adds a finding unless a comment silences it.
	 * @param subject what the statement does, as the start of a sentence that the rule's rationale ends
	 * @param table the table whose size to mention, or {@code null}
	 * @param escalate whether a large table makes it an error (for a rule that {@link Rule#escalates()})
	 */
	void report(Rule rule, SqlStatement statement, Token at, String subject, TableName table, boolean escalate) {
		if (this.suppressions.allows(statement, rule)) {
			return;
		}
		boolean large = table != null && large(table);
		Severity severity = (rule.escalates() && escalate && large) ? Severity.ERROR : rule.severity();
		String message = subject + " " + rule.rationale() + ((table != null) ? sizeNote(table, large) : "") + ".";
		this.findings.add(new Finding(rule.id(), severity, this.file, at.line(), at.column(), message, rule.fix()));
	}

	private String sizeNote(TableName table, boolean large) {
		OptionalLong rows = this.facts.liveRows(this.tables.original(table));
		if (rows.isEmpty()) {
			return "";
		}
		OptionalLong bytes = this.facts.totalBytes(this.tables.original(table));
		return " (" + table + ": about " + rows.getAsLong() + " live rows"
				+ (bytes.isPresent() ? ", " + size(bytes.getAsLong()) : "")
				+ (large ? ", more than migrator.lint.large-table-rows=" + this.largeTableRows : "") + ")";
	}

	private static String size(long bytes) {
		long kilobytes = (bytes + 1023) / 1024;
		return (kilobytes < 10_240) ? kilobytes + " kB"
				: (kilobytes < 10_485_760) ? kilobytes / 1024 + " MB" : kilobytes / 1_048_576 + " GB";
	}

}
