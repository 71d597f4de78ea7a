package dev.migrator.engine.lint;

import java.util.Locale;
import java.util.Set;

import dev.migrator.engine.SqlStatement;

/**
 * What an {@code ADD COLUMN name type [constraints]} puts into existing rows.
 *
 * <p>PostgreSQL 11+ adds a column with a non-volatile default without touching the rows; a value computed per row
 * rewrites the table: a call of a volatile function known here (see {@link #VOLATILE}; a function not listed is
 * taken to be non-volatile), a {@code serial} type (its default is {@code nextval()}), an identity column, or a
 * stored generated column. {@code NOT NULL} (or {@code PRIMARY KEY}) without such a value and without a
 * {@code DEFAULT} other than {@code NULL} fails on any table that holds a row.
 *
 * @param name the column
 * @param rewrite what makes PostgreSQL compute a value per row, for the message, or {@code null}
 * @param notNull whether it is {@code NOT NULL} or {@code PRIMARY KEY}
 * @param hasDefault whether it has a {@code DEFAULT} other than {@code NULL}
 */
record ColumnDefinition(String name, String rewrite, boolean notNull, boolean hasDefault) {

	/** Volatile functions that appear in column defaults: built in, {@code pgcrypto} and {@code uuid-ossp}. */
	static final Set<String> VOLATILE = Set.of("random", "random_normal", "gen_random_uuid", "uuidv4", "uuidv7",
			"uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "gen_random_bytes", "clock_timestamp",
			"timeofday", "nextval");

	private static final Set<String> SERIAL = Set.of("SERIAL", "SERIAL4", "BIGSERIAL", "SERIAL8", "SMALLSERIAL",
			"SERIAL2");

	/** The column defined by the tokens {@code [from, to)}: its name, then its type and constraints. */
	static ColumnDefinition read(Tokens tokens, int from, int to) {
		Token type = tokens.get(from + 1);
		String rewrite = null;
		for (int i = from + 1; i < to && rewrite == null; i++) {
			Token token = tokens.get(i);
			if (token.kind() == Token.Kind.WORD && tokens.get(i + 1).isSymbol("(")
					&& VOLATILE.contains(token.value().toLowerCase(Locale.ROOT))) {
				rewrite = "DEFAULT " + token.text() + "()";
			}
		}
		boolean generated = tokens.contains(from, to, "GENERATED");
		if (rewrite == null && type.kind() == Token.Kind.WORD && SERIAL.contains(type.value())) {
			rewrite = type.text() + " (its default nextval() is volatile)";
		}
		else if (rewrite == null && generated && tokens.contains(from, to, "IDENTITY")) {
			rewrite = "GENERATED ... AS IDENTITY (a new value for every row)";
		}
		else if (rewrite == null && generated && tokens.contains(from, to, "STORED")) {
			rewrite = "GENERATED ALWAYS AS (...) STORED (computed for every row)";
		}
		boolean notNull = tokens.contains(from, to, "NOT", "NULL") || tokens.contains(from, to, "PRIMARY", "KEY");
		int defaultAt = tokens.find(from + 1, to, "DEFAULT");
		boolean hasDefault = defaultAt >= 0 && !tokens.get(defaultAt + 1).isWord("NULL");
		return new ColumnDefinition(tokens.get(from).identifier(), rewrite, notNull, hasDefault);
	}

	/** Reports {@code add-column-volatile-default} or {@code add-column-not-null} for an existing table. */
	void check(MigrationLint lint, SqlStatement statement, Token at, TableName table) {
		if (this.rewrite != null) {
			lint.report(Rule.ADD_COLUMN_VOLATILE_DEFAULT, statement, at,
					"ADD COLUMN " + this.name + " with " + this.rewrite + " on existing table " + table, table, true);
		}
		else if (this.notNull && !this.hasDefault) {
			lint.report(Rule.ADD_COLUMN_NOT_NULL, statement, at,
					"ADD COLUMN " + this.name + " NOT NULL without a DEFAULT on existing table " + table, table, false);
		}
	}

}
