package dev.migrator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one migration and records it, so that a migration either is applied and recorded or, as far as its own
 * transaction control allows, leaves nothing.
 *
 * <p>Steps of {@link #apply(Connection, Migration)}, one {@link Segment} after the other:
 * <ol>
 * <li>a transactional segment runs in one transaction: its settings ({@code lock_timeout}, {@code statement_timeout},
 * {@code synchronous_commit}), its statements, commit (or rollback where the file says {@code ROLLBACK}). Statements
 * that return no rows go to the server together with the settings before them and the history row and
 * {@code COMMIT} after them, one round trip for a file of DDL ({@link StatementBatch}); one that may return rows is
 * sent alone. When a statement waits too long for a lock (SQLSTATE 55P03) the segment is rolled back and tried
 * again, up to the retry count; a committed segment is never run again;</li>
 * <li>an autocommit segment runs its statements one by one, with no short lock timeout (it would leave an INVALID
 * index);</li>
 * <li>the history row is written after the last statement: inside the last segment's transaction where it has one,
 * together with that transaction's {@code COMMIT}, else alone.</li>
 * </ol>
 * A plain file is one segment, so it runs in one transaction with its history row, or wholly in autocommit.
 *
 * <p>With group commit, plain migrations in a row go to the server together instead ({@link RoundTrip}).
 */
public final class Executor {

	private static final Logger logger = LoggerFactory.getLogger(Executor.class);

	static final String LOCK_NOT_AVAILABLE = "55P03";

	static final String QUERY_CANCELED = "57014";

	/** SQLSTATE class 08, connection exception: pgjdbc reports a broken connection as 08006. */
	static final String CONNECTION_EXCEPTION = "08";

	/**
	 * SQLSTATEs 57P01-57P05: the server ended the session (an administrator's {@code pg_terminate_backend}, a
	 * shutdown, a crash, an idle-session timeout).
	 */
	private static final String SESSION_ENDED = "57P0";

	/** duplicate_table, duplicate_object: a relation, index, type ... of that name exists. */
	private static final Set<String> ALREADY_EXISTS = Set.of("42P07", "42710");

	private static final Pattern POSITION = Pattern.compile("\\n\\s*Position: (\\d+)");

	/** What a failure that is no statement's was doing. */
	static final String RECORDING = "recording it in the history table or committing it";

	static final String SETTING = "setting the transaction's timeouts and synchronous_commit";

	static final String MODES = "setting the transaction modes its BEGIN names";

	private final HistoryStore history;

	private final Duration statementLockTimeout;

	private final int lockRetries;

	private final Duration statementTimeout;

	private final IndexGuard indexes;

	public Executor(HistoryStore history, Duration statementLockTimeout, int lockRetries) {
		this(history, statementLockTimeout, lockRetries, Duration.ZERO, true);
	}

	/** An executor for the settings' timeouts and index guard. */
	public Executor(HistoryStore history, MigratorSettings settings) {
		this(history, settings.statementLockTimeout(), settings.lockRetries(), settings.statementTimeout(),
				settings.dropInvalidIndexes());
	}

	private Executor(HistoryStore history, Duration statementLockTimeout, int lockRetries, Duration statementTimeout,
			boolean dropInvalidIndexes) {
		this.history = history;
		this.statementLockTimeout = statementLockTimeout;
		this.lockRetries = lockRetries;
		this.statementTimeout = statementTimeout;
		this.indexes = new IndexGuard(dropInvalidIndexes);
	}

	/**
	 * Applies a migration on a connection in autocommit mode, which it leaves in autocommit mode.
	 * @param connection the run's connection
	 * @param migration the migration
	 * @return what was applied
	 * @throws MigrationFailedException naming the statement that failed and what stayed committed
	 */
	public AppliedMigration apply(Connection connection, Migration migration) throws SQLException {
		return apply(connection, migration, true);
	}

	/**
	 * Applies a migration, letting its transactions commit without waiting for the WAL flush unless it must be
	 * durable on its own. WAL is flushed in order, so the next durable commit makes it durable too; a server crash
	 * before that loses it together with its history row, and the next run applies it again.
	 * @param connection the run's connection, in autocommit mode, which it leaves in autocommit mode
	 * @param migration the migration
	 * @param durable whether its commits wait for the WAL flush (the run's last migration)
	 * @return what was applied
	 * @throws MigrationFailedException naming the statement that failed and what stayed committed
	 */
	public AppliedMigration apply(Connection connection, Migration migration, boolean durable) throws SQLException {
		return apply(connection, migration, durable, 0);
	}

	/**
	 * Applies a migration whose first transaction already waited too long for a lock {@code attemptsMade} times.
	 * @see #apply(Connection, Migration, boolean)
	 */
	AppliedMigration apply(Connection connection, Migration migration, boolean durable, int attemptsMade)
			throws SQLException {
		long started = System.nanoTime();
		List<Segment> segments = migration.segments();
		BitSet committed = new BitSet();
		boolean recorded = false;
		for (int i = 0; i < segments.size(); i++) {
			Segment segment = segments.get(i);
			if (segment.transactional()) {
				// a READ ONLY transaction cannot write the history row: it is written after it
				boolean record = i == segments.size() - 1 && !segment.rollback() && !segment.readOnly();
				runInTransaction(connection, migration, segment, record, durable, committed, (i == 0) ? attemptsMade : 0);
				recorded = record;
			}
			else {
				runInAutocommit(connection, migration, segment, committed);
			}
		}
		if (!recorded) {
			try {
				this.history.record(connection, migration);
			}
			catch (SQLException ex) {
				throw failure(migration, 0, ex, committed);
			}
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		return new AppliedMigration(migration.tag(), migration.entry().when(), migration.hash(), took);
	}

	private void runInTransaction(Connection connection, Migration migration, Segment segment, boolean record,
			boolean durable, BitSet committed, int attemptsMade) throws SQLException {
		String settings = transactionSettings(durable);
		for (int attempt = attemptsMade;; attempt++) {
			connection.setAutoCommit(false);
			int current = 0;
			try (Statement statement = connection.createStatement()) {
				statement.setEscapeProcessing(false);
				// statements that return no rows travel together, each as an entry of its own (so an error's position
				// stays the statement's); one that may return rows is sent alone, with all its rows asked for
				StatementBatch batch = new StatementBatch();
				// PostgreSQL takes a transaction's modes only before its first query: the modes of the file's BEGIN,
				// and the file's own SET TRANSACTION statements at the start, go before the settings
				if (!segment.modes().isEmpty()) {
					batch.addOwn("SET TRANSACTION " + segment.modes(), MODES);
				}
				List<SqlStatement> statements = segment.statements();
				int first = segment.leadingTransactionSettings();
				statements.subList(0, first).forEach(batch::add);
				if (settings != null) {
					batch.addOwn(settings, SETTING);
				}
				for (SqlStatement sql : statements.subList(first, statements.size())) {
					if (sql.returnsNoRows()) {
						batch.add(sql);
						continue;
					}
					batch.send(statement);
					current = sql.number();
					statement.execute(sql.sql());
					current = 0;
				}
				if (segment.rollback()) {
					batch.send(statement);
					connection.rollback();
					return;
				}
				if (record) {
					batch.addOwn(this.history.recordStatement(migration), RECORDING);
					batch.addOwn("COMMIT", RECORDING);
				}
				batch.send(statement);
				// sends COMMIT, or nothing when the batch's COMMIT has ended the transaction on the server
				connection.commit();
				segment.statements().forEach((sql) -> committed.set(sql.number()));
				return;
			}
			catch (SQLException | StatementBatch.Failure ex) {
				SQLException error = (ex instanceof StatementBatch.Failure failed) ? failed.error() : (SQLException) ex;
				rollback(connection, error);
				if (retries(error, migration, attempt)) {
					continue;
				}
				throw (ex instanceof StatementBatch.Failure failed) ? failure(migration, failed, committed)
						: failure(migration, current, error, committed);
			}
			finally {
				if (!connection.isClosed()) {
					connection.setAutoCommit(true);
				}
			}
		}
	}

	/**
	 * Whether a transaction that failed on an attempt is tried again: when it waited too long for a lock and attempts
	 * are left; then it has paused before the next.
	 */
	boolean retries(SQLException error, Migration migration, int attempt) {
		if (!LOCK_NOT_AVAILABLE.equals(error.getSQLState()) || attempt >= this.lockRetries) {
			return false;
		}
		logger.warn("{} waited longer than lock_timeout {} for a lock (attempt {} of {}); trying again",
				migration.tag(), this.statementLockTimeout, attempt + 1, this.lockRetries + 1);
		pause(attempt);
		return true;
	}

	/**
	 * Rolls back after a failed statement. On a connection that broke (the network, a killed backend) that fails
	 * too, and the server rolls back by itself; the statement's error is the one to report, so the second one is
	 * only attached to it.
	 */
	private static void rollback(Connection connection, SQLException failed) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			failed.addSuppressed(ex);
		}
	}

	private void runInAutocommit(Connection connection, Migration migration, Segment segment, BitSet committed)
			throws SQLException {
		int current = 0;
		String restore = null;
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			if (!this.statementTimeout.isZero()) {
				restore = setting(connection, "statement_timeout", Long.toString(this.statementTimeout.toMillis()));
			}
			for (SqlStatement sql : segment.statements()) {
				current = sql.number();
				this.indexes.before(connection, migration, sql);
				statement.execute(sql.sql());
				// in autocommit it stays applied whatever the check after it finds
				committed.set(current);
				String problem = this.indexes.after(connection, sql);
				if (problem != null) {
					throw invalidIndex(migration, sql, problem, committed);
				}
			}
		}
		catch (SQLException ex) {
			SqlStatement failed = (current > 0) ? migration.statements().get(current - 1) : null;
			String left = (failed != null) ? this.indexes.leftInvalid(connection, failed) : null;
			MigrationFailedException error = failure(migration, current, ex, committed);
			throw (left == null) ? error : new MigrationFailedException(error.tag(), error.sqlState(),
					error.getMessage() + " The failed build left the INVALID index " + left + ".",
					"The next run drops " + left + " and builds it again (migrator.drop-invalid-indexes); first fix what"
							+ " made it fail. " + error.action(),
					ex);
		}
		finally {
			if (restore != null && !connection.isClosed()) {
				setting(connection, "statement_timeout", restore);
			}
		}
	}

	/**
	 * The transaction's {@code SET LOCAL}s as one statement (one round trip), or {@code null} for none: lock and
	 * statement timeouts, and {@code synchronous_commit = off} for a commit that need not wait for the WAL flush.
	 */
	private String transactionSettings(boolean durable) {
		List<String> settings = settingCalls(durable);
		return settings.isEmpty() ? null : "SELECT " + String.join(", ", settings);
	}

	/** The {@code set_config} calls of {@link #transactionSettings}, in a list that may be added to. */
	List<String> settingCalls(boolean durable) {
		List<String> settings = new ArrayList<>();
		if (!this.statementLockTimeout.isZero()) {
			settings.add("set_config('lock_timeout', '" + this.statementLockTimeout.toMillis() + "', true)");
		}
		if (!this.statementTimeout.isZero()) {
			settings.add("set_config('statement_timeout', '" + this.statementTimeout.toMillis() + "', true)");
		}
		if (!durable) {
			settings.add("set_config('synchronous_commit', 'off', true)");
		}
		return settings;
	}

	/** Sets a session setting and returns its previous value. */
	private static String setting(Connection connection, String name, String value) throws SQLException {
		try (PreparedStatement set = connection
			.prepareStatement("SELECT current_setting(?), set_config(?, ?, false)")) {
			set.setString(1, name);
			set.setString(2, name);
			set.setString(3, value);
			try (ResultSet rs = set.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	private MigrationFailedException invalidIndex(Migration migration, SqlStatement sql, String problem,
			BitSet committed) {
		return new MigrationFailedException(migration.tag(), null, "Migration " + migration.tag() + " ran statement "
				+ sql.number() + " of " + migration.entry().fileName() + " (line " + sql.position() + "), but the "
				+ problem + ", so " + migration.tag() + " is not recorded. " + outcome(migration, committed),
				"An INVALID index is not used by queries but slows every write: find why the build did not finish (a"
						+ " duplicate for a unique index, a cancelled build), fix it, and run again; the next run drops"
						+ " the INVALID index and builds it again (migrator.drop-invalid-indexes).",
				null);
	}

	/** The failure of a batch, at the statement or own step its failed entry names. */
	MigrationFailedException failure(Migration migration, StatementBatch.Failure failed, BitSet committed) {
		SqlStatement statement = failed.statement();
		if (statement != null) {
			return failure(migration, statement.number(), failed.error(), committed);
		}
		if (failed.doing() != null) {
			return failure(migration, failed.doing(), 0, failed.error(), committed);
		}
		// the connection broke while they ran: the server did not say which one it was at, and the migration's COMMIT
		// may have reached it before the connection broke
		String outcome = (!migration.segmented() && migration.transactional()) ? "Whether " + migration.tag()
				+ " was committed is not known: it commits together with its history row or not at all, and the"
				+ " migrations before it stay applied." : outcome(migration, committed);
		List<SqlStatement> sent = failed.candidates();
		if (sent.isEmpty()) {
			return failure(migration, RECORDING, 0, failed.error(), committed, outcome);
		}
		SqlStatement first = sent.get(0);
		SqlStatement last = sent.get(sent.size() - 1);
		String unknown = " of " + migration.entry().fileName() + "; the connection broke before the server said how far"
				+ " it had come)";
		String where = (first == last)
				? "statement " + first.number() + " of " + migration.statements().size() + " or after it (line "
						+ first.position() + unknown
				: "one of statements " + first.number() + "-" + last.number() + " of " + migration.statements().size()
						+ " or after them (lines " + first.line() + "-" + last.line() + unknown;
		return failure(migration, where, first.number(), failed.error(), committed, outcome);
	}

	private MigrationFailedException failure(Migration migration, int number, SQLException ex, BitSet committed) {
		if (number > 0) {
			SqlStatement failed = migration.statements().get(number - 1);
			String where = "statement " + number + " of " + migration.statements().size() + " (line "
					+ failed.position() + " of " + migration.entry().fileName() + errorPosition(failed, ex) + ")";
			return failure(migration, where, number, ex, committed);
		}
		return failure(migration, RECORDING, 0, ex, committed);
	}

	private MigrationFailedException failure(Migration migration, String where, int number, SQLException ex,
			BitSet committed) {
		return failure(migration, where, number, ex, committed, outcome(migration, committed));
	}

	private MigrationFailedException failure(Migration migration, String where, int number, SQLException ex,
			BitSet committed, String outcome) {
		String file = migration.entry().fileName();
		String message = "Migration " + migration.tag() + " failed at " + where + ": " + ex.getMessage().strip()
				+ " [SQLSTATE " + ex.getSQLState() + "]. " + outcome;
		String action;
		if (QUERY_CANCELED.equals(ex.getSQLState()) && !this.statementTimeout.isZero()) {
			action = "A statement of " + file + " ran longer than migrator.statement-timeout (" + this.statementTimeout
					+ "): raise it, or move slow work (a large backfill or index build) out of the migration. "
					+ (committed.isEmpty() ? file + " was not applied, so editing it is safe."
							: capitalize(statements(migration, committed)) + " stayed committed.");
		}
		else if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
			action = "Another session held a lock " + migration.tag()
					+ " needs for longer than migrator.statement-lock-timeout (" + this.statementLockTimeout + ") on "
					+ (this.lockRetries + 1) + " attempts: find it in pg_stat_activity, or retry at a quieter time.";
		}
		else if (brokenConnection(ex)) {
			action = "The connection to the database broke during " + migration.tag() + " (the network, a proxy, or the"
					+ " server restarting or ending the session); " + file + " needs no change. Check that the database"
					+ " is reachable, then run again: the server rolls back what was not committed.";
		}
		else if (ALREADY_EXISTS.contains(ex.getSQLState()) && !migration.transactional()) {
			// statements outside a transaction stay when a run dies, so the next run meets what they created
			action = "What statement " + number + " creates exists already, most likely from an earlier run of "
					+ migration.tag() + " that stopped after it. Make the statements idempotent (CREATE INDEX"
					+ " CONCURRENTLY IF NOT EXISTS, CREATE TABLE IF NOT EXISTS; " + file + " is not recorded, so editing"
					+ " it is allowed), or drop what exists if it is not what " + file + " builds, then run again.";
		}
		else if (committed.isEmpty()) {
			action = "Fix " + file + " (it was not applied, so editing it is safe) and start again.";
		}
		else {
			action = capitalize(statements(migration, committed)) + " stayed committed; make the rest of " + file
					+ " idempotent (IF NOT EXISTS, IF EXISTS) or fix the database by hand, then run again (" + file
					+ " is not recorded, so editing it is allowed).";
		}
		return new MigrationFailedException(migration.tag(), ex.getSQLState(), message, action, ex);
	}

	/** Whether an error says that the connection broke or the server ended the session. */
	static boolean brokenConnection(SQLException ex) {
		String state = String.valueOf(ex.getSQLState());
		return state.startsWith(CONNECTION_EXCEPTION) || state.startsWith(SESSION_ENDED);
	}

	/** What the failed migration left behind. */
	private static String outcome(Migration migration, BitSet committed) {
		if (!migration.segmented() && migration.transactional()) {
			return "Nothing of " + migration.tag()
					+ " was kept: its transaction was rolled back, and the migrations before it stay applied.";
		}
		if (!migration.segmented()) {
			return "It runs outside a transaction, so " + (committed.isEmpty() ? "none of its statements"
					: statements(migration, committed)) + " stayed applied and it is not recorded.";
		}
		if (committed.isEmpty()) {
			return "Nothing of " + migration.tag() + " was kept: no COMMIT of the file had run yet, and its"
					+ " transaction was rolled back.";
		}
		return capitalize(statements(migration, committed)) + " of " + migration.tag()
				+ " stayed committed (the file's own COMMIT ended their transaction); the rest did not run or was"
				+ " rolled back, and " + migration.tag() + " is not recorded.";
	}

	/**
	 * The committed statements as ranges, such as {@code statements 1-3 and 5}; the file's transaction-control
	 * statements between them do not break a range.
	 */
	static String statements(Migration migration, BitSet committed) {
		List<String> ranges = new ArrayList<>();
		int first = -1;
		int last = -1;
		for (SqlStatement statement : migration.statements()) {
			if (committed.get(statement.number())) {
				first = (first < 0) ? statement.number() : first;
				last = statement.number();
			}
			else if (statement.transactionControl() == SqlStatement.TransactionControl.NONE && first > 0) {
				ranges.add((first == last) ? String.valueOf(first) : first + "-" + last);
				first = -1;
			}
		}
		if (first > 0) {
			ranges.add((first == last) ? String.valueOf(first) : first + "-" + last);
		}
		String joined = (ranges.size() == 1) ? ranges.get(0)
				: String.join(", ", ranges.subList(0, ranges.size() - 1)) + " and " + ranges.get(ranges.size() - 1);
		boolean one = ranges.size() == 1 && !ranges.get(0).contains("-");
		return (one ? "statement " : "statements ") + joined;
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * Where in the file PostgreSQL's error points, from the 1-based character position it reports in the statement
	 * (pgjdbc appends it to the message as {@code Position: N}); empty when it reports none.
	 */
	static String errorPosition(SqlStatement statement, SQLException ex) {
		Matcher matcher = POSITION.matcher(String.valueOf(ex.getMessage()));
		if (!matcher.find()) {
			return "";
		}
		int position = Integer.parseInt(matcher.group(1));
		int line = statement.line();
		int column = statement.column();
		String sql = statement.sql();
		for (int i = 0; i < position - 1 && i < sql.length(); i++) {
			if (SqlSyntax.endsLine(sql, i)) {
				line++;
				column = 1;
			}
			else {
				column++;
			}
		}
		return ", error at " + line + ":" + column;
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(Math.min(200L << attempt, 5000L));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
