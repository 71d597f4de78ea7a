package dev.migrator.testsupport;

import java.util.ArrayList;
import java.util.List;

import dev.migrator.embedded.TestPostgres.TestDatabase;

/** The public schema of a database as catalog rows, to compare two databases. */
public final class SchemaSnapshot {

	private static final List<String> QUERIES = List.of(
			"SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default"
					+ " FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
			"SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
					+ " WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
			"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2",
			"SELECT c.relname, i.indisvalid, i.indisready FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
					+ " WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1",
			"SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
					+ " ORDER BY 1, e.enumsortorder",
			"SELECT p.proname, pg_get_functiondef(p.oid), obj_description(p.oid, 'pg_proc') FROM pg_proc p"
					+ " WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1");

	private SchemaSnapshot() {
	}

	/** One line per catalog row; the history schema is not part of it. */
	public static List<String> of(TestDatabase database) {
		List<String> lines = new ArrayList<>();
		for (String query : QUERIES) {
			for (List<String> row : Sql.rows(database, query)) {
				lines.add(String.join(" | ", row.stream().map(String::valueOf).toList()));
			}
		}
		return lines;
	}

}
