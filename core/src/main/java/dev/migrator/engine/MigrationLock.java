package dev.migrator.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL session-level advisory lock that lets one process at a time migrate a history table.
 *
 * <p>The key is the first 8 bytes, big-endian, of the SHA-256 of {@code "migrator:" + schema + "." + table}
 * (UTF-8): stable across releases and processes, and different per history table. For the default table it is
 * {@link #key(String, String) key("drizzle", "__drizzle_migrations")}.
 *
 * <p>Steps of {@link #acquire(Connection)}:
 * <ol>
 * <li>switch the connection to autocommit, so that a waiter holds no snapshot between tries (a waiter inside a
 * transaction would block a {@code CREATE INDEX CONCURRENTLY} run by the holder);</li>
 * <li>call {@code pg_try_advisory_lock(key)}; while another session holds it, sleep (50 ms growing to 1 s) and
 * try again;</li>
 * <li>give up with {@link LockTimeoutException} once the wait timeout has passed.</li>
 * </ol>
 * The lock belongs to the session: {@link Held#close()} releases it, and so does the end of a process that dies.
 */
public final class MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(MigrationLock.class);

	private final long key;

	private final String table;

	private final Duration waitTimeout;

	public MigrationLock(String schema, String table, Duration waitTimeout) {
		this.key = key(schema, table);
		this.table = schema + "." + table;
		this.waitTimeout = waitTimeout;
	}

	/**
	 * The advisory lock key of a history table.
	 * @param schema its schema
	 * @param table its name
	 * @return the key passed to {@code pg_try_advisory_lock}
	 */
	public static long key(String schema, String table) {
		byte[] digest = Sha256.newDigest()
			.digest(("migrator:" + schema + "." + table).getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.wrap(digest).getLong();
	}

	/**
	 * Waits for the lock on this connection.
	 * @param connection the connection that will run the migrations
	 * @return the held lock, to close when the run is over
	 */
	public Held acquire(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		long deadline = System.nanoTime() + this.waitTimeout.toNanos();
		long pause = 50;
		boolean logged = false;
		while (!tryLock(connection)) {
			if (System.nanoTime() - deadline >= 0) {
				throw new LockTimeoutException(
						"Another process has been migrating " + this.table + " for longer than the lock wait timeout ("
								+ this.waitTimeout + "); advisory lock key " + this.key,
						"Wait for the other run to finish, or find the session holding it (SELECT pid FROM pg_locks WHERE"
								+ " locktype = 'advisory' AND granted); raise migrator.lock-wait-timeout if its migrations"
								+ " are just slow.");
			}
			if (!logged) {
				logger.info("Waiting for another process to finish migrating {} on {}", this.table,
						DatabaseName.of(connection));
				logged = true;
			}
			sleep(pause);
			pause = Math.min(pause * 2, 1000);
		}
		return new Held(connection);
	}

	private boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LockTimeoutException("Interrupted while waiting for the migration lock", "Start again.");
		}
	}

	/** A held lock; closing it releases the lock. */
	public final class Held implements AutoCloseable {

		private final Connection connection;

		private Held(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void close() throws SQLException {
			if (this.connection.isClosed()) {
				return;
			}
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
			}
			try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
				statement.setLong(1, MigrationLock.this.key);
				statement.execute();
			}
		}

	}

}
