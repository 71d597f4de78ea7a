package dev.migrator.engine;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements that go to the server together, in one round trip, through JDBC's batch: a transaction's settings, a
 * migration's statements that return no rows, its history row and {@code COMMIT}; with group commit, those of several
 * migrations one after the other, each entry marked with the migration it belongs to ({@link #forMigration}).
 *
 * <p>The server runs them in order and, at the first error, skips the rest, so the transaction fails as it would
 * one statement at a time. pgjdbc names the failed entry in its message ({@code Batch entry 2 ...}, in each of its
 * languages the first number), and its own error, with the position in that entry, is the next exception; from
 * those {@link Failure} says which statement failed. When the connection breaks, the entry pgjdbc names is only as
 * far as the results had arrived (the server sends them when it stops), so the failure names the statements from
 * there on. Only statements that return no rows belong in a batch
 * ({@link SqlStatement#returnsNoRows()}): pgjdbc asks for at most one row of each, so a {@code SELECT} would stop
 * after its first.
 */
final class StatementBatch {

	private static final Pattern ENTRY = Pattern.compile("^\\D*(\\d+)");

	/** SQLSTATE connection_failure, as pgjdbc reports a broken connection. */
	private static final String BROKEN_CONNECTION = "08006";

	private final List<Entry> entries = new ArrayList<>();

	/** The migration the entries added next belong to: its place among the migrations sent together. */
	private int owner;

	/**
	 * Marks the entries added from now on as those of another migration sent in the same round trip.
	 * @param index the migration's place among those sent together, from 0
	 */
	void forMigration(int index) {
		this.owner = index;
	}

	/**
	 * Adds one of the migration's statements.
	 * @param statement a statement that returns no rows
	 */
	void add(SqlStatement statement) {
		this.entries.add(new Entry(statement.sql(), statement, this.owner));
	}

	/**
	 * Adds a statement of Migrator's own.
	 * @param sql the statement, returning at most one row
	 * @param doing what it does, for a message such as "failed at {@code doing}"
	 */
	void addOwn(String sql, String doing) {
		this.entries.add(new Entry(sql, doing, this.owner));
	}

	/**
	 * Sends what was added, or nothing when nothing was, and empties the batch.
	 * @param statement a statement of the connection, with escape processing off
	 * @throws Failure naming the entry that failed
	 */
	void send(Statement statement) throws Failure {
		if (this.entries.isEmpty()) {
			return;
		}
		try {
			for (Entry entry : this.entries) {
				statement.addBatch(entry.sql());
			}
			statement.executeBatch();
		}
		catch (SQLException ex) {
			clear(statement, ex);
			throw failure(ex);
		}
		catch (AssertionError ex) {
			// pgjdbc asserts that a batch's connection is still open when it reports the batch's error; under -ea
			// (as in tests) a connection the server ended mid-batch surfaces as this assertion
			if (!closed(statement)) {
				throw ex;
			}
			throw failure(new SQLException("the connection was closed while the statements ran", BROKEN_CONNECTION, ex));
		}
		this.entries.clear();
	}

	private Failure failure(SQLException ex) {
		SQLException error = ex;
		int index = 0;
		boolean located = false;
		boolean exact = false;
		if (ex instanceof BatchUpdateException) {
			error = (ex.getNextException() != null) ? ex.getNextException() : ex;
			Matcher matcher = ENTRY.matcher(String.valueOf(ex.getMessage()));
			int named = matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
			if (named == this.entries.size() && named > 0) {
				// every entry's result had arrived: all of them ran, and the connection broke after them
				index = named;
				located = true;
			}
			else if (named >= 0 && named < this.entries.size()) {
				index = named;
				located = true;
				// the server's error comes after the results of the entries before it; a broken connection only says
				// how far the results had arrived, and the server may have gone further
				exact = !String.valueOf(error.getSQLState()).startsWith(Executor.CONNECTION_EXCEPTION);
			}
		}
		boolean past = index == this.entries.size();
		Object entry = (!past && (exact || this.entries.size() == 1)) ? this.entries.get(index).what() : null;
		int owner = this.entries.isEmpty() ? 0
				: past ? this.entries.get(index - 1).owner() + 1 : this.entries.get(index).owner();
		List<SqlStatement> candidates = this.entries.subList(index, this.entries.size())
			.stream()
			.filter((candidate) -> candidate.owner() == owner)
			.map(Entry::what)
			.filter(SqlStatement.class::isInstance)
			.map(SqlStatement.class::cast)
			.toList();
		this.entries.clear();
		return new Failure(error, entry, candidates, located ? owner : -1, exact);
	}

	private static boolean closed(Statement statement) {
		try {
			return statement.getConnection().isClosed();
		}
		catch (SQLException ex) {
			return true;
		}
	}

	private static void clear(Statement statement, SQLException failed) {
		try {
			statement.clearBatch();
		}
		catch (SQLException ex) {
			failed.addSuppressed(ex);
		}
	}

	/**
	 * One statement of the batch.
	 * @param sql its text
	 * @param what the migration's {@link SqlStatement}, or what Migrator's own statement does
	 * @param owner the place of its migration among those sent together
	 */
	private record Entry(String sql, Object what, int owner) {
	}

	/**
	 * A batch that failed.
	 */
	static final class Failure extends Exception {

		private static final long serialVersionUID = 1L;

		private final transient Object entry;

		private final transient List<SqlStatement> statements;

		private final int owner;

		private final boolean exact;

		Failure(SQLException error, Object entry, List<SqlStatement> statements, int owner, boolean exact) {
			super(error);
			this.entry = entry;
			this.statements = statements;
			this.owner = owner;
			this.exact = exact;
		}

		/**
		 * The place, among the migrations sent together, of the one that failed; when the connection broke, of the
		 * first one whose results had not all arrived (one past the last when all of them had). Every migration before
		 * it was committed. -1 when pgjdbc did not say how far the batch had come.
		 */
		int migration() {
			return this.owner;
		}

		/**
		 * Whether the server said which entry failed, so that nothing after it ran; {@code false} when the connection
		 * broke, and the server may have gone further.
		 */
		boolean exact() {
			return this.exact;
		}

		/** The server's error (or the driver's, when the connection broke). */
		SQLException error() {
			return (SQLException) getCause();
		}

		/** The migration's statement that failed, or {@code null} when it was Migrator's own or is not known. */
		SqlStatement statement() {
			return (this.entry instanceof SqlStatement statement) ? statement : null;
		}

		/** What Migrator's own failed entry did, or {@code null}. */
		String doing() {
			return (this.entry instanceof String doing) ? doing : null;
		}

		/**
		 * When no entry is named: the failed migration's statements that may have been running when it failed (a
		 * broken connection does not say which), in order; the failure may also have come after the last of them.
		 */
		List<SqlStatement> candidates() {
			return this.statements;
		}

	}

}
