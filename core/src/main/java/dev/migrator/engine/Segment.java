package dev.migrator.engine;

import java.util.ArrayList;
import java.util.List;

import dev.migrator.engine.SqlStatement.TransactionControl;

/**
 * A run of a migration's statements that executes one way: all inside one transaction, or each alone in autocommit.
 *
 * <p>A file without transaction control is one segment: in a transaction, unless every statement needs autocommit
 * ({@code CREATE INDEX CONCURRENTLY} and the like). A file with top-level {@code BEGIN}/{@code COMMIT}/{@code ROLLBACK}
 * runs as drizzle-orm's observable behaviour implies (drizzle-orm runs the file inside its own transaction and sends
 * those statements to the server). Steps of {@link #of(List)} for such a file:
 * <ol>
 * <li>start inside the migration's transaction;</li>
 * <li>an ordinary statement joins the open transaction, or, after a {@code COMMIT}, runs alone in autocommit;</li>
 * <li>{@code COMMIT}/{@code END} closes the transaction, {@code ROLLBACK}/{@code ABORT} discards it, and
 * {@code BEGIN}/{@code START TRANSACTION} opens the next; {@code AND CHAIN} opens the next at once;</li>
 * <li>a {@code BEGIN} inside a transaction and a {@code COMMIT} outside one change nothing, as PostgreSQL only warns
 * about them;</li>
 * <li>segments without statements are dropped (a file with none is one empty transactional segment, so its history
 * row is still written in a transaction).</li>
 * </ol>
 * Transaction-control statements are never sent: the executor does what they say.
 *
 * @param transactional whether the statements run in one transaction; else each alone in autocommit
 * @param statements the ordinary statements, in file order
 * @param rollback whether the file discards this transaction with {@code ROLLBACK} instead of committing it
 */
public record Segment(boolean transactional, List<SqlStatement> statements, boolean rollback) {

	/**
	 * Divides a file's statements into segments.
	 * @param statements the file's statements
	 * @return its segments, at least one
	 */
	public static List<Segment> of(List<SqlStatement> statements) {
		if (statements.stream().allMatch((s) -> s.transactionControl() == TransactionControl.NONE)) {
			boolean autocommit = !statements.isEmpty() && statements.stream().allMatch(SqlStatement::requiresAutocommit);
			return List.of(new Segment(!autocommit, statements, false));
		}
		List<Segment> segments = new ArrayList<>();
		List<SqlStatement> current = new ArrayList<>();
		boolean inTransaction = true;
		for (SqlStatement statement : statements) {
			TransactionControl control = statement.transactionControl();
			if (control == TransactionControl.NONE) {
				current.add(statement);
			}
			else if (control == TransactionControl.BEGIN && !inTransaction) {
				add(segments, new Segment(false, current, false));
				current = new ArrayList<>();
				inTransaction = true;
			}
			else if (control != TransactionControl.BEGIN && inTransaction) {
				add(segments, new Segment(true, current, control == TransactionControl.ROLLBACK));
				current = new ArrayList<>();
				inTransaction = statement.chainsTransaction();
			}
		}
		add(segments, new Segment(inTransaction, current, false));
		return segments.isEmpty() ? List.of(new Segment(true, List.of(), false)) : List.copyOf(segments);
	}

	private static void add(List<Segment> segments, Segment segment) {
		if (!segment.statements().isEmpty()) {
			segments.add(new Segment(segment.transactional(), List.copyOf(segment.statements()), segment.rollback()));
		}
	}

	/** Statements that PostgreSQL refuses in a transaction block but that this transactional segment holds. */
	public List<SqlStatement> misplaced() {
		return this.transactional ? this.statements.stream().filter(SqlStatement::requiresAutocommit).toList()
				: List.of();
	}

}
