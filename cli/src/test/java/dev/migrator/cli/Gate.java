package dev.migrator.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrator.embedded.TestPostgres.TestDatabase;

/**
 * A lock the test holds on a table, in an open transaction of its own, so that a migration statement that needs the
 * table waits right there, for as long as the test wants: the point at which a runner is killed or cut off.
 */
final class Gate implements AutoCloseable {

	private final Connection connection;

	private Gate(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Locks a table until {@link #open()}.
	 * @param database the database
	 * @param table the table, which exists
	 * @param mode the lock mode, such as {@code ACCESS EXCLUSIVE} or {@code SHARE}
	 * @return the closed gate
	 */
	static Gate close(TestDatabase database, String table, String mode) throws SQLException {
		Connection connection = database.connect();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LOCK TABLE " + table + " IN " + mode + " MODE");
		}
		return new Gate(connection);
	}

	/** Releases the lock: what waited for it goes on. */
	void open() throws SQLException {
		if (!this.connection.isClosed()) {
			this.connection.commit();
			this.connection.close();
		}
	}

	@Override
	public void close() throws SQLException {
		open();
	}

}
