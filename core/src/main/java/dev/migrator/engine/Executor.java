package dev.migrator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one migration and records it, so that a migration either is applied and recorded or leaves nothing.
 *
 * <p>A transactional migration runs in one transaction with its history row: {@code SET LOCAL lock_timeout}, each
 * statement alone, the insert, commit. When a statement waits too long for a lock (SQLSTATE 55P03) the whole
 * transaction is rolled back and tried again, up to the retry count. A migration of statements that cannot run in a
 * transaction block runs them one by one in autocommit, with no short lock timeout (it would leave an INVALID
 * index), and then records its row.
 */
public final class Executor {

	private static final Logger logger = LoggerFactory.getLogger(Executor.class);

	static final String LOCK_NOT_AVAILABLE = "55P03";

	private static final Pattern POSITION = Pattern.compile("\\n\\s*Position: (\\d+)");

	private final HistoryStore history;

	private final Duration statementLockTimeout;

	private final int lockRetries;

	public Executor(HistoryStore history, Duration statementLockTimeout, int lockRetries) {
		this.history = history;
		this.statementLockTimeout = statementLockTimeout;
		this.lockRetries = lockRetries;
	}

	/**
	 * Applies a migration on a connection in autocommit mode, which it leaves in autocommit mode.
	 * @param connection the run's connection
	 * @param migration the migration
	 * @return what was applied
	 * @throws MigrationFailedException naming the statement that failed
	 */
	public AppliedMigration apply(Connection connection, Migration migration) throws SQLException {
		long started = System.nanoTime();
		if (migration.transactional()) {
			applyInTransaction(connection, migration);
		}
		else {
			applyInAutocommit(connection, migration);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		return new AppliedMigration(migration.tag(), migration.entry().when(), migration.hash(), took);
	}

	private void applyInTransaction(Connection connection, Migration migration) throws SQLException {
		for (int attempt = 0;; attempt++) {
			connection.setAutoCommit(false);
			int current = 0;
			try (Statement statement = connection.createStatement()) {
				statement.setEscapeProcessing(false);
				if (!this.statementLockTimeout.isZero()) {
					statement.execute("SET LOCAL lock_timeout = " + this.statementLockTimeout.toMillis());
				}
				for (SqlStatement sql : migration.statements()) {
					current = sql.number();
					statement.execute(sql.sql());
				}
				current = 0;
				this.history.record(connection, migration);
				connection.commit();
				return;
			}
			catch (SQLException ex) {
				connection.rollback();
				if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState()) && attempt < this.lockRetries) {
					logger.warn("{} waited longer than lock_timeout {} for a lock (attempt {} of {}); trying again",
							migration.tag(), this.statementLockTimeout, attempt + 1, this.lockRetries + 1);
					pause(attempt);
					continue;
				}
				throw failure(migration, current, ex, "Nothing of " + migration.tag()
						+ " was kept: its transaction was rolled back, and the migrations before it stay applied.");
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
	}

	private void applyInAutocommit(Connection connection, Migration migration) throws SQLException {
		connection.setAutoCommit(true);
		int current = 0;
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			for (SqlStatement sql : migration.statements()) {
				current = sql.number();
				statement.execute(sql.sql());
			}
			current = 0;
			this.history.record(connection, migration);
		}
		catch (SQLException ex) {
			throw failure(migration, current, ex, "It runs outside a transaction, so statements before statement "
					+ current + " stay applied and it is not recorded; a failed CREATE INDEX CONCURRENTLY leaves an"
					+ " INVALID index to drop before you retry.");
		}
	}

	private MigrationFailedException failure(Migration migration, int number, SQLException ex, String outcome) {
		String file = migration.entry().fileName();
		String where;
		if (number > 0) {
			SqlStatement failed = migration.statements().get(number - 1);
			where = "statement " + number + " of " + migration.statements().size() + " (line " + failed.position()
					+ " of " + file + errorPosition(failed, ex) + ")";
		}
		else {
			where = "recording it in the history table";
		}
		String message = "Migration " + migration.tag() + " failed at " + where + ": " + ex.getMessage().strip()
				+ " [SQLSTATE " + ex.getSQLState() + "]. " + outcome;
		String action = LOCK_NOT_AVAILABLE.equals(ex.getSQLState())
				? "Another session held a lock " + migration.tag() + " needs for longer than migrator.statement-lock-timeout ("
						+ this.statementLockTimeout + ") on " + (this.lockRetries + 1)
						+ " attempts: find it in pg_stat_activity, or retry at a quieter time."
				: "Fix " + file + " (it was not applied, so editing it is safe) and start again.";
		return new MigrationFailedException(migration.tag(), ex.getSQLState(), message, action, ex);
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
			if (sql.charAt(i) == '\n') {
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
