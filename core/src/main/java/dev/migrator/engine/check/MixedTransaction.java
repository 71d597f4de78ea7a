package dev.migrator.engine.check;

import java.util.List;
import java.util.Optional;

import dev.migrator.engine.Migration;
import dev.migrator.engine.SqlStatement;

/**
 * A migration whose statements the engine would refuse to run: one that cannot run inside a transaction block
 * ({@code CREATE INDEX CONCURRENTLY} and the like) would run inside the migration's transaction
 * ({@link Migration#misplaced()}).
 */
final class MixedTransaction {

	private MixedTransaction() {
	}

	static Optional<CheckFinding> check(Migration migration) {
		List<SqlStatement> misplaced = migration.misplaced();
		if (misplaced.isEmpty()) {
			return Optional.empty();
		}
		List<String> where = misplaced.stream().map((s) -> "statement " + s.number() + " at line " + s.line()).toList();
		String file = migration.entry().fileName();
		return Optional.of(CheckRule.MIXED_TRANSACTION.finding(Severity.ERROR, file, misplaced.get(0).line(),
				file + " runs statements that cannot run in a transaction block (" + String.join(", ", where)
						+ ") inside its transaction, so it would fail on PostgreSQL",
				"Move them to a migration of their own (migrator new), or end the transaction with COMMIT; before"
						+ " them."));
	}

}
