package dev.migrator.engine.lint;

import dev.migrator.engine.SqlStatement;

/**
 * {@code CREATE TABLE} and {@code DROP TABLE}: they make tables new or gone for the rest of the migration, and
 * report {@code drop-table} and {@code drop-recreate-table}.
 */
final class TableChecks {

	private TableChecks() {
	}

	/** {@code CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE [IF NOT EXISTS] name ...}. */
	static void create(MigrationLint lint, SqlStatement statement, Tokens tokens) {
		int i = tokens.skip(tokens.skip(1, "GLOBAL"), "LOCAL");
		i = tokens.skip(tokens.skip(tokens.skip(i, "TEMPORARY"), "TEMP"), "UNLOGGED");
		if (!tokens.words(i, "TABLE")) {
			return;
		}
		boolean ifNotExists = tokens.words(i + 1, "IF", "NOT", "EXISTS");
		TableName table = tokens.tableName(ifNotExists ? i + 4 : i + 1);
		if (table == null || (ifNotExists && lint.live() && lint.existing(table))) {
			// the database has it already, so the statement does nothing and the table stays as it was
			return;
		}
		int droppedAt = lint.tables().droppedAt(table);
		if (droppedAt > 0) {
			lint.report(Rule.DROP_RECREATE_TABLE, statement, tokens.get(0),
					"CREATE TABLE " + table + " after DROP TABLE " + table + " at line " + droppedAt, table, false);
		}
		lint.tables().created(table);
	}

	/** {@code DROP TABLE [IF EXISTS] name [, ...] [CASCADE|RESTRICT]}. */
	static void drop(MigrationLint lint, SqlStatement statement, Tokens tokens) {
		int from = tokens.skip(2, "IF", "EXISTS");
		for (int[] part : tokens.commaSeparated(from, tokens.size())) {
			TableName table = tokens.tableName(part[0]);
			if (table == null) {
				continue;
			}
			if (lint.existing(table)) {
				lint.report(Rule.DROP_TABLE, statement, tokens.get(part[0]), "DROP TABLE " + table, table, false);
				lint.tables().dropped(table, tokens.get(part[0]).line());
			}
			else {
				lint.tables().forget(table);
			}
		}
	}

}
