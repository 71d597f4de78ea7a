package dev.migrator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
 * Transaction-control statements are never sent: the executor does what they say, including the transaction modes
 * ({@code ISOLATION LEVEL ...}, {@code READ ONLY}, {@code DEFERRABLE}) of a {@code BEGIN} that opens a transaction.
 *
 * @param transactional whether the statements run in one transaction; else each alone in autocommit
 * @param statements the ordinary statements, in file order
 * @param rollback whether the file discards this transaction with {@code ROLLBACK} instead of committing it
 * @param modes the transaction modes of the {@code BEGIN}/{@code START TRANSACTION} that opened this transaction, as
 * written, or empty
 */
public record Segment(boolean transactional, List<SqlStatement> statements, boolean rollback, String modes) {

	private static final Pattern READ_ONLY = Pattern.compile("(?i)\\bread\\s+only\\b");

	/** A segment whose transaction, if any, has the server's default modes. */
	public Segment(boolean transactional, List<SqlStatement> statements, boolean rollback) {
		this(transactional, statements, rollback, "");
	}

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
		String modes = "";
		for (SqlStatement statement : statements) {
			TransactionControl control = statement.transactionControl();
			if (control == TransactionControl.NONE) {
				current.add(statement);
			}
			else if (control == TransactionControl.BEGIN && !inTransaction) {
				add(segments, new Segment(false, current, false));
				current = new ArrayList<>();
				inTransaction = true;
				modes = modes(statement);
			}
			else if (control != TransactionControl.BEGIN && inTransaction) {
				add(segments, new Segment(true, current, control == TransactionControl.ROLLBACK, modes));
				current = new ArrayList<>();
				inTransaction = statement.chainsTransaction();
				// AND CHAIN opens the next transaction with the same characteristics
				modes = inTransaction ? modes : "";
			}
		}
		add(segments, new Segment(inTransaction, current, false, inTransaction ? modes : ""));
		return segments.isEmpty() ? List.of(new Segment(true, List.of(), false)) : List.copyOf(segments);
	}

	private static void add(List<Segment> segments, Segment segment) {
		if (!segment.statements().isEmpty()) {
			segments.add(new Segment(segment.transactional(), List.copyOf(segment.statements()), segment.rollback(),
					segment.modes()));
		}
	}

	/**
	 * The modes a {@code BEGIN [WORK | TRANSACTION] modes} or {@code START TRANSACTION modes} names, as written; empty
	 * for none.
	 */
	static String modes(SqlStatement begin) {
		// the statement's keywords tell how many words come before the modes; the text gives the modes as written
		boolean twoWords = begin.word(0).equals("START") || begin.word(1).equals("WORK")
				|| begin.word(1).equals("TRANSACTION");
		String sql = begin.sql();
		int at = 0;
		for (int word = 0; word < (twoWords ? 2 : 1); word++) {
			at = SqlSyntax.tokenStart(sql, at);
			while (at < sql.length() && Character.isLetter(sql.charAt(at))) {
				at++;
			}
		}
		// from the first mode on: blanks and comments alone name none
		return sql.substring(SqlSyntax.tokenStart(sql, at)).strip();
	}

	/**
	 * How many of the statements at the start are {@code SET TRANSACTION}: PostgreSQL takes them only before a
	 * transaction's first query, so they go before the run's own settings.
	 */
	public int leadingTransactionSettings() {
		int count = 0;
		while (count < this.statements.size() && this.statements.get(count).word(0).equals("SET")
				&& this.statements.get(count).word(1).equals("TRANSACTION")) {
			count++;
		}
		return count;
	}

	/** Whether this transaction's modes make it {@code READ ONLY}, where no history row can be written. */
	public boolean readOnly() {
		if (READ_ONLY.matcher(this.modes).find()) {
			return true;
		}
		for (SqlStatement statement : this.statements.subList(0, leadingTransactionSettings())) {
			int read = statement.keywords().indexOf("READ");
			if (read >= 0 && statement.word(read + 1).equals("ONLY")) {
				return true;
			}
		}
		return false;
	}

	/** Statements that PostgreSQL refuses in a transaction block but that this transactional segment holds. */
	public List<SqlStatement> misplaced() {
		return this.transactional ? this.statements.stream().filter(SqlStatement::requiresAutocommit).toList()
				: List.of();
	}

}
