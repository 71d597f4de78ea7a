package dev.migrator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several migrations sent to the server in one round trip, with group commit: plain migrations in a row
 * ({@link #sendsTogether}), up to {@link #MOST}, each still in a transaction of its own with its settings, statements,
 * history row and {@code COMMIT}, so that the server runs one while the client sends the next instead of waiting for
 * the client between them. What a user sees stays as if each went alone ({@link #apply}).
 */
final class RoundTrip {

	private static final Logger logger = LoggerFactory.getLogger(RoundTrip.class);

	/** The most migrations sent to the server in one round trip. */
	static final int MOST = 50;

	private static final String CHECKING = Executor.SETTING
			+ ", and checking that the migration before it is the newest history row";

	private final Executor executor;

	private final HistoryStore history;

	RoundTrip(Executor executor, HistoryStore history) {
		this.executor = executor;
		this.history = history;
	}

	/**
	 * Whether a migration may go to the server together with others: one transaction of statements that return no
	 * rows, committed with its history row. One with a statement that may return rows, statements that need
	 * autocommit, its own transaction control, or a {@code SET TRANSACTION} first (which must precede the settings
	 * the executor puts first) goes alone.
	 */
	static boolean sendsTogether(Migration migration) {
		return migration.transactional() && migration.statements().stream().allMatch(SqlStatement::returnsNoRows)
				&& migration.segments().get(0).leadingTransactionSettings() == 0;
	}

	/**
	 * How many migrations from a place on go to the server together: the plain ones in a row there
	 * ({@link #sendsTogether}), at most {@link #MOST}; 1 when the first one goes alone.
	 * @param migrations the migrations to apply, in order
	 * @param from the place of the next one
	 * @return how many, at least 1
	 */
	static int size(List<Migration> migrations, int from) {
		int end = from;
		while (end < migrations.size() && end - from < MOST && sendsTogether(migrations.get(end))) {
			end++;
		}
		return Math.max(1, end - from);
	}

	/**
	 * Applies plain migrations ({@link #sendsTogether}) in one round trip, each in a transaction of its own: its
	 * {@code BEGIN}, settings, statements, history row and {@code COMMIT}, then the next one's. The server runs them in
	 * order and at an error skips all that follows, so a failure keeps the migrations before the failed one, rolls the
	 * failed one back and runs none after it, as one round trip each would. Every commit but the last one's skips the
	 * WAL flush (group commit).
	 * @param connection the run's connection, in autocommit mode, which it leaves in autocommit mode
	 * @param migrations the migrations, in order, at least one
	 * @param durableLast whether the last one's commit waits for the WAL flush (the run's last migration)
	 * @return the migrations committed, and the failure that stopped the rest or that the next one is to be tried
	 * again alone
	 */
	Result apply(Connection connection, List<Migration> migrations, boolean durableLast) throws SQLException {
		long started = System.nanoTime();
		StatementBatch batch = new StatementBatch();
		for (int i = 0; i < migrations.size(); i++) {
			Migration migration = migrations.get(i);
			batch.forMigration(i);
			batch.addOwn("BEGIN", "starting its transaction");
			List<String> settings = this.executor.settingCalls(durableLast && i == migrations.size() - 1);
			if (i > 0) {
				// where a driver sends each statement as a query of its own (pgjdbc's simple query mode), the server
				// goes on after an error, and a failed migration's COMMIT only rolls back: this stops the next one
				// (after the settings, so that its read of the history table waits no longer than lock_timeout)
				settings.add(notAfterFailure(migrations.get(i - 1)));
			}
			if (!settings.isEmpty()) {
				batch.addOwn("SELECT " + String.join(", ", settings), (i > 0) ? CHECKING : Executor.SETTING);
			}
			migration.statements().forEach(batch::add);
			batch.addOwn(this.history.recordStatement(migration), Executor.RECORDING);
			batch.addOwn("COMMIT", Executor.RECORDING);
		}
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			try {
				batch.send(statement);
				return new Result(applied(connection, migrations, started), null, 0);
			}
			catch (StatementBatch.Failure failed) {
				SQLException error = failed.error();
				// the failed migration's transaction is open and aborted (or already ended, when its COMMIT failed)
				if (!connection.isClosed()) {
					try {
						statement.execute("ROLLBACK");
					}
					catch (SQLException ex) {
						error.addSuppressed(ex);
					}
				}
				int at = Math.max(0, failed.migration());
				List<AppliedMigration> committed = applied(connection, migrations.subList(0, at), started);
				if (at == migrations.size()) {
					// every result had arrived: all of them were committed, and the next use of the connection fails
					return new Result(committed, null, 0);
				}
				Migration migration = migrations.get(at);
				if (failed.exact() && this.executor.retries(error, migration, 0)) {
					return new Result(committed, null, 1);
				}
				MigrationFailedException alone = this.executor.failure(migration, failed, new BitSet());
				return new Result(committed, (failed.exact() || at == migrations.size() - 1) ? alone
						: uncertain(migrations.subList(at, migrations.size()), error, alone), 0);
			}
		}
	}

	/**
	 * An expression that fails unless the newest history row is the migration's: the first call of the next migration's
	 * settings, so that it does not run when the one before it did not commit. (A cast of a constant would be
	 * evaluated, and fail, when the statement is planned; the empty text read from a setting keeps it for when the
	 * condition is false.)
	 */
	private String notAfterFailure(Migration previous) {
		return "CASE WHEN " + this.history.newestIs(previous) + " THEN NULL ELSE ("
				+ HistoryStore.literal(previous.tag() + " did not commit, so the migrations after it do not run")
				+ " || left(current_setting('server_version'), 0))::int END";
	}

	/**
	 * The failure of migrations sent together when the connection broke before the server said how far it had come
	 * (pgjdbc sends them all before it reads the results): any of them may have been committed, and none is named as
	 * the one that failed.
	 * @param uncertain the migrations from the first one whose results had not all arrived
	 * @param first the failure as it would read for the first of them alone
	 */
	private static MigrationFailedException uncertain(List<Migration> uncertain, SQLException error,
			MigrationFailedException first) {
		String range = range(uncertain);
		return new MigrationFailedException(first.tag(), error.getSQLState(), "Migrations " + range + ", sent to the"
				+ " server in one round trip, failed before the server said how far it had come: "
				+ error.getMessage().strip() + " [SQLSTATE " + error.getSQLState() + "]. Each of them was committed"
				+ " together with its history row or not at all, and the migrations before them stay applied.",
				Executor.brokenConnection(error) ? "The connection to the database broke during " + range
						+ " (the network, a proxy, or the server restarting or ending the session); their files need no"
						+ " change. Check that the database is reachable, then run again: it applies exactly those not"
						+ " recorded." : first.action(),
				error);
	}

	/** The tags of migrations in a row, as {@code 0003_a} or {@code 0003_a to 0009_b}. */
	private static String range(List<Migration> migrations) {
		String first = migrations.get(0).tag();
		return (migrations.size() == 1) ? first : first + " to " + migrations.get(migrations.size() - 1).tag();
	}

	/**
	 * The migrations sent together that were committed, each with how long it took. Their history rows'
	 * {@code applied_at} is when the server started each one's transaction, so each took until the next one started;
	 * the last one took the rest of the round trip, which, when the round trip stopped at a migration that did
	 * not commit, includes that one's time ({@link Result#lastTimeShared}). Where those times cannot be read, the
	 * round trip is shared evenly.
	 */
	private List<AppliedMigration> applied(Connection connection, List<Migration> committed, long started) {
		long took = System.nanoTime() - started;
		int count = committed.size();
		long[] starts = null;
		if (count > 1) {
			try {
				starts = connection.isClosed() ? null : this.history.newestStarts(connection, count);
			}
			catch (SQLException ex) {
				logger.debug("Could not read when the migrations sent together started; sharing their time evenly", ex);
			}
		}
		List<AppliedMigration> applied = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long nanos = (starts == null) ? took / count
					: (i < count - 1) ? (starts[i + 1] - starts[i]) * 1000 : took - (starts[count - 1] - starts[0]) * 1000;
			Migration migration = committed.get(i);
			applied.add(new AppliedMigration(migration.tag(), migration.entry().when(), migration.hash(),
					Duration.ofNanos(Math.max(0, nanos))));
		}
		return applied;
	}

	/**
	 * What one round trip did.
	 *
	 * @param applied the migrations committed, in order
	 * @param failure why the next one failed, with nothing of it kept; {@code null} when none failed
	 * @param attemptsMade when none failed but not all were committed: how often the next one waited too long for a
	 * lock, so that it is tried again alone with the attempts left; else 0
	 */
	record Result(List<AppliedMigration> applied, MigrationFailedException failure, int attemptsMade) {

		/** One migration applied alone. */
		static Result of(AppliedMigration applied) {
			return new Result(List.of(applied), null, 0);
		}

		/**
		 * Whether the last migration applied went to the server before one that did not commit (it failed, or is to
		 * be tried again), whose time its own includes.
		 */
		boolean lastTimeShared() {
			return !this.applied.isEmpty() && (this.failure != null || this.attemptsMade > 0);
		}

	}

}
