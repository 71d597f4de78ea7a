package dev.migrator.engine.lint;

import dev.migrator.engine.SqlStatement;

/**
 * {@code unbounded-backfill} for {@code [WITH ...] UPDATE [ONLY] table ...} and
 * {@code [WITH ...] DELETE FROM [ONLY] table ...} on an existing table: without a {@code WHERE} of its own (an error
 * on a large table), or with one on a table above the large-table threshold (a warning: the condition may be
 * selective). The data-changing statements inside a {@code WITH} are not looked at.
 */
final class BackfillCheck {

	private BackfillCheck() {
	}

	static void check(MigrationLint lint, SqlStatement statement, Tokens tokens) {
		int i = tokens.words(0, "WITH") ? afterWith(tokens) : 0;
		Token verb = tokens.get(i);
		int target;
		if (verb.isWord("UPDATE")) {
			target = tokens.skip(i + 1, "ONLY");
		}
		else if (tokens.words(i, "DELETE", "FROM")) {
			target = tokens.skip(i + 2, "ONLY");
		}
		else {
			return;
		}
		TableName table = tokens.tableName(target);
		if (table == null || !lint.existing(table)) {
			return;
		}
		String what = verb.value() + " " + table;
		if (tokens.find(target, tokens.size(), "WHERE") < 0) {
			lint.report(Rule.UNBOUNDED_BACKFILL, statement, verb, what + " without WHERE", table, true);
		}
		else if (lint.large(table)) {
			lint.report(Rule.UNBOUNDED_BACKFILL, statement, verb, what + " on a table above the large-table threshold",
					table, false);
		}
	}

	/** Index after {@code WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (query) [, ...]}. */
	private static int afterWith(Tokens tokens) {
		int i = tokens.skip(1, "RECURSIVE");
		while (tokens.get(i).isIdentifier()) {
			i++;
			if (tokens.get(i).isSymbol("(")) {
				i = tokens.afterBrackets(i);
			}
			i = tokens.skip(tokens.skip(tokens.skip(i, "AS"), "NOT"), "MATERIALIZED");
			i = tokens.afterBrackets(i);
			if (!tokens.get(i).isSymbol(",")) {
				return i;
			}
			i++;
		}
		return i;
	}

}
