package dev.migrator.engine.lint;

import dev.migrator.engine.SqlStatement;

/**
 * The actions of {@code ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, ...]}, each checked alone: on an
 * existing table {@code ADD COLUMN} ({@link ColumnDefinition}), {@code ADD} constraints ({@code constraint-not-valid},
 * and {@code index-not-concurrent} for a unique, primary key or exclusion constraint that builds its own index),
 * {@code ALTER COLUMN ... SET NOT NULL} ({@code set-not-null}, unless the migration validated a constraint of the
 * table earlier: PostgreSQL then skips the scan when that constraint proves the column has no NULL),
 * {@code ALTER COLUMN ... TYPE}, {@code DROP COLUMN}, {@code RENAME COLUMN} and {@code RENAME TO}. A rename and
 * {@code VALIDATE CONSTRAINT} are remembered whatever the table.
 */
final class AlterTableChecks {

	private AlterTableChecks() {
	}

	static void check(MigrationLint lint, SqlStatement statement, Tokens tokens) {
		int i = tokens.skip(tokens.skip(2, "IF", "EXISTS"), "ONLY");
		TableName table = tokens.tableName(i);
		if (table == null || tokens.words(i, "ALL", "IN")) {
			return;
		}
		int from = tokens.afterName(i);
		from = tokens.get(from).isSymbol("*") ? from + 1 : from;
		boolean existing = lint.existing(table);
		for (int[] action : tokens.commaSeparated(from, tokens.size())) {
			Action checked = new Action(lint, statement, tokens, table, action[0], action[1]);
			if (tokens.words(action[0], "RENAME")) {
				checked.rename(existing);
			}
			else if (tokens.words(action[0], "VALIDATE", "CONSTRAINT")) {
				lint.tables().validated(table);
			}
			else if (existing && tokens.words(action[0], "ADD")) {
				checked.add();
			}
			else if (existing && tokens.words(action[0], "ALTER")) {
				checked.alter();
			}
			else if (existing && tokens.words(action[0], "DROP")) {
				checked.drop();
			}
		}
	}

	/** One action, the tokens {@code [start, end)}. */
	private record Action(MigrationLint lint, SqlStatement statement, Tokens tokens, TableName table, int start,
			int end) {

		void add() {
			int k = this.start + 1;
			Token next = this.tokens.get(k);
			boolean exclude = next.isWord("EXCLUDE")
					&& (this.tokens.get(k + 1).isSymbol("(") || this.tokens.words(k + 1, "USING"));
			if (exclude || next.isWord("CONSTRAINT") || next.isWord("CHECK") || next.isWord("FOREIGN")
					|| next.isWord("UNIQUE") || next.isWord("PRIMARY")) {
				constraint();
			}
			else {
				k = this.tokens.skip(this.tokens.skip(k, "COLUMN"), "IF", "NOT", "EXISTS");
				ColumnDefinition column = ColumnDefinition.read(this.tokens, k, this.end);
				column.check(this.lint, this.statement, this.tokens.get(this.start), this.table);
			}
		}

		private void constraint() {
			int k = this.start + 1;
			String name = "";
			if (this.tokens.words(k, "CONSTRAINT")) {
				name = "CONSTRAINT " + this.tokens.get(k + 1).identifier() + " ";
				k += 2;
			}
			Token kind = this.tokens.get(k);
			String what = "ADD " + name + kind.value() + (this.tokens.words(k + 1, "KEY") ? " KEY" : "");
			if (kind.isWord("CHECK") || kind.isWord("FOREIGN")) {
				if (!this.tokens.contains(k, this.end, "NOT", "VALID")) {
					report(Rule.CONSTRAINT_NOT_VALID, what + " without NOT VALID on existing table " + this.table,
							true);
				}
			}
			else if (!this.tokens.words(kind.isWord("PRIMARY") ? k + 2 : k + 1, "USING", "INDEX")) {
				report(Rule.INDEX_NOT_CONCURRENT,
						what + " on existing table " + this.table + " (its lock blocks reads too)", true);
			}
		}

		void alter() {
			int k = this.tokens.skip(this.start + 1, "COLUMN");
			if (this.tokens.words(k, "CONSTRAINT")) {
				return;
			}
			String column = this.tokens.get(k).identifier();
			if (this.tokens.words(k + 1, "SET", "NOT", "NULL") && !this.lint.tables().validatedEarlier(this.table)) {
				report(Rule.SET_NOT_NULL, "ALTER COLUMN " + column + " SET NOT NULL on existing table " + this.table,
						true);
			}
			int type = this.tokens.words(k + 1, "TYPE") ? k + 2
					: this.tokens.words(k + 1, "SET", "DATA", "TYPE") ? k + 4 : -1;
			if (type > 0) {
				report(Rule.ALTER_COLUMN_TYPE, "ALTER COLUMN " + column + " TYPE " + this.tokens.get(type).text()
						+ " on existing table " + this.table, true);
			}
		}

		void drop() {
			int k = this.tokens.skip(this.tokens.skip(this.start + 1, "COLUMN"), "IF", "EXISTS");
			if (!this.tokens.words(this.start + 1, "CONSTRAINT") && this.tokens.get(k).isIdentifier()) {
				report(Rule.DROP_COLUMN, "DROP COLUMN " + this.tokens.get(k).identifier() + " on existing table "
						+ this.table, false);
			}
		}

		void rename(boolean existing) {
			if (this.tokens.words(this.start + 1, "TO")) {
				TableName to = new TableName(this.table.schema(), this.tokens.get(this.start + 2).identifier());
				if (existing) {
					report(Rule.RENAME_TABLE, "ALTER TABLE " + this.table + " RENAME TO " + to.name(), false);
				}
				this.lint.tables().renamed(this.table, to);
				return;
			}
			int k = this.tokens.skip(this.start + 1, "COLUMN");
			if (existing && !this.tokens.words(this.start + 1, "CONSTRAINT") && this.tokens.words(k + 1, "TO")) {
				report(Rule.RENAME_COLUMN, "RENAME COLUMN " + this.tokens.get(k).identifier() + " TO "
						+ this.tokens.get(k + 2).identifier() + " on existing table " + this.table, false);
			}
		}

		private void report(Rule rule, String subject, boolean escalate) {
			this.lint.report(rule, this.statement, this.tokens.get(this.start), subject, this.table, escalate);
		}

	}

}
