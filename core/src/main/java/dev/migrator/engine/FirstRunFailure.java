package dev.migrator.engine;

import java.util.Set;

/**
 * Explains a first migration that fails because what it creates already exists while the history table is empty:
 * the usual sign that the schema was built some other way, or that its history lives in another table (the
 * history schema or table setting changed). Editing the file, the ordinary advice, would be wrong here. For a
 * migration that runs outside a transaction, an earlier run that died after the statement is as likely, and the
 * executor's advice (make it idempotent) stays first.
 */
final class FirstRunFailure {

	/** SQLSTATEs of "already exists": table, object, column, schema, function, alias. */
	private static final Set<String> ALREADY_EXISTS = Set.of("42P07", "42710", "42701", "42P06", "42723", "42712");

	private FirstRunFailure() {
	}

	static MigrationFailedException explain(MigrationFailedException ex, String table, Migration migration) {
		if (!ALREADY_EXISTS.contains(ex.sqlState())) {
			return ex;
		}
		if (!migration.transactional()) {
			// what such a migration built before its run died stays, with no row: the likelier story, told first
			return new MigrationFailedException(ex.tag(), ex.sqlState(), ex.getMessage(), ex.action() + " If instead"
					+ " the schema was created some other way, adopt it with `migrator baseline --to <tag>`.",
					ex.getCause());
		}
		String message = ex.getMessage() + " The history table " + table + " holds no rows, yet the database already"
				+ " has what " + ex.tag() + " creates: the schema was created some other way, or its history is kept"
				+ " in another table (were migrator.schema or migrator.table changed?).";
		String action = "If the history lives in another table, set migrator.schema and migrator.table back to it. To"
				+ " adopt this database as it is, record the migrations it already has with `migrator baseline --to"
				+ " <tag>`, then run again. " + ex.tag() + " itself needs no edit.";
		return new MigrationFailedException(ex.tag(), ex.sqlState(), message, action, ex.getCause());
	}

}
