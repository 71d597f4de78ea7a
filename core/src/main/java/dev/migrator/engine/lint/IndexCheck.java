package dev.migrator.engine.lint;

import dev.migrator.engine.SqlStatement;

/**
 * {@code index-not-concurrent} for {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY]
 * table ...}. {@code ON ONLY} is left alone: on a partitioned table it builds nothing (the index starts invalid
 * and each partition's index is attached to it), and it means nothing else.
 */
final class IndexCheck {

	private IndexCheck() {
	}

	static void check(MigrationLint lint, SqlStatement statement, Tokens tokens) {
		int i = tokens.skip(1, "UNIQUE");
		if (!tokens.words(i, "INDEX") || tokens.words(i + 1, "CONCURRENTLY")) {
			return;
		}
		int on = tokens.find(i + 1, tokens.size(), "ON");
		if (on < 0 || tokens.words(on + 1, "ONLY")) {
			return;
		}
		TableName table = tokens.tableName(on + 1);
		if (table == null || !lint.existing(table)) {
			return;
		}
		int nameAt = tokens.skip(i + 1, "IF", "NOT", "EXISTS");
		String index = (nameAt < on) ? tokens.get(nameAt).identifier() + " " : "";
		lint.report(Rule.INDEX_NOT_CONCURRENT, statement, tokens.get(0),
				"CREATE " + (i > 1 ? "UNIQUE " : "") + "INDEX " + index + "on existing table " + table, table, true);
	}

}
