package dev.migrator.testsupport;

import java.util.ArrayList;
import java.util.List;

import dev.migrator.embedded.TestPostgres.TestDatabase;

/**
 * Everything a migration run could have written to a database, as lines to compare before and after: every schema,
 * relation and column outside PostgreSQL's own schemas, the public schema's catalog ({@link SchemaSnapshot}), and
 * every row of the default history table when it exists.
 */
public final class DatabaseState {

	private static final String OWN_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
			+ " AND n.nspname NOT LIKE 'pg\\_%'";

	private DatabaseState() {
	}

	/** The state of a database. */
	public static List<String> of(TestDatabase database) {
		List<String> lines = new ArrayList<>();
		add(lines, "schema",
				Sql.rows(database, "SELECT n.nspname FROM pg_namespace n WHERE " + OWN_SCHEMAS + " ORDER BY 1"));
		add(lines, "relation", Sql.rows(database, "SELECT n.nspname, c.relname, c.relkind, a.attname,"
				+ " format_type(a.atttypid, a.atttypmod) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped WHERE "
				+ OWN_SCHEMAS + " ORDER BY 1, 2, a.attnum"));
		SchemaSnapshot.of(database).forEach((line) -> lines.add("public " + line));
		if (database.queryValue("SELECT to_regclass('drizzle.__drizzle_migrations')") != null) {
			add(lines, "history", Sql.rows(database, "SELECT * FROM drizzle.__drizzle_migrations ORDER BY id"));
		}
		return lines;
	}

	private static void add(List<String> lines, String kind, List<List<String>> rows) {
		rows.forEach((row) -> lines.add(kind + " " + String.join(" | ", row.stream().map(String::valueOf).toList())));
	}

}
