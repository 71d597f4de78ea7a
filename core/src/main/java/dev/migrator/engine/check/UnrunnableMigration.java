package dev.migrator.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrator.engine.Migration;
import dev.migrator.engine.SqlStatement;

/**
 * A migration the engine would refuse to run as it is written (its planner refuses it once it is pending):
 * <ul>
 * <li>a statement that cannot run inside a transaction block ({@code CREATE INDEX CONCURRENTLY} and the like) would
 * run inside the migration's transaction ({@link Migration#misplaced()});</li>
 * <li>the file holds no statement, only blanks and comments: recorded, it would count as applied and what is
 * written into it later would never run;</li>
 * <li>a statement only psql can run ({@link SqlStatement#clientOnly()}): a psql meta-command, or a {@code COPY} whose
 * rows psql would stream.</li>
 * </ul>
 */
final class UnrunnableMigration {

	/** Rules about how a migration runs (of this class, and the size limit): moot once the database has applied it. */
	static final Set<String> RULES = Set.of(CheckRule.MIXED_TRANSACTION.id(), CheckRule.EMPTY_MIGRATION.id(),
			CheckRule.PSQL_ONLY.id(), CheckRule.FILE_TOO_LARGE.id());

	/**
	 * Rules whose findings are warnings until a database says the migration is pending, then errors: Drizzle's runner
	 * applies an unfilled file without complaint, so without a database such a file may well be applied already, and
	 * no edit could make it pass (its hash would change). (A file over the size limit stays an error: a database's
	 * status cannot be read while a pending one is, and Drizzle projects rarely hold one.)
	 */
	static final Set<String> WHEN_PENDING = Set.of(CheckRule.EMPTY_MIGRATION.id());

	private UnrunnableMigration() {
	}

	static List<CheckFinding> check(Migration migration) {
		String file = migration.entry().fileName();
		if (migration.statements().isEmpty()) {
			return List.of(CheckRule.EMPTY_MIGRATION.finding(Severity.WARN, file, 1, file + " has no statements,"
					+ " only blanks or comments, so migrate refuses to run it while it is pending (recorded, it would count"
					+ " as applied, and what is written into it later would never run)",
					"If it is not applied anywhere yet, fill it in (drizzle-kit generate --custom and migrator new write"
							+ " such a file to be filled in) or delete it and its journal entry; --url tells whether it is."));
		}
		List<CheckFinding> findings = new ArrayList<>();
		for (SqlStatement statement : migration.clientOnly()) {
			findings.add(CheckRule.PSQL_ONLY.finding(Severity.ERROR, file, statement.line(), file + " statement "
					+ statement.number() + " is " + statement.clientOnly() + ", which only psql runs: migrate (like"
					+ " Drizzle's runner) sends SQL statements to the server, with no psql to run commands or stream"
					+ " rows", "Write the rows as INSERT ... VALUES (or COPY from a file on the server), and an included"
							+ " file's SQL into the migration itself."));
		}
		List<SqlStatement> misplaced = migration.misplaced();
		if (!misplaced.isEmpty()) {
			List<String> where = misplaced.stream()
				.map((s) -> "statement " + s.number() + " at line " + s.line())
				.toList();
			findings.add(CheckRule.MIXED_TRANSACTION.finding(Severity.ERROR, file, misplaced.get(0).line(),
					file + " runs statements that cannot run in a transaction block (" + String.join(", ", where)
							+ ") inside its transaction, so it would fail on PostgreSQL",
					"Move them to a migration of their own (migrator new), or end the transaction with COMMIT; before"
							+ " them."));
		}
		return findings;
	}

}
