package dev.migrator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Session settings for the length of a migrate run, put back when it ends (the connection may return to a pool).
 * On PostgreSQL 14 and later it sets {@code client_connection_check_interval}: without it, the backend of a runner
 * killed during a long statement keeps running, and keeps the advisory lock, until that statement ends; with it, the
 * backend notices the closed socket within the interval and stops, freeing the lock for the next runner.
 */
final class MigrationSession implements AutoCloseable {

	private final Connection connection;

	private final String previous;

	private MigrationSession(Connection connection, String previous) {
		this.connection = connection;
		this.previous = previous;
	}

	static MigrationSession open(Connection connection, Duration clientCheckInterval) throws SQLException {
		if (clientCheckInterval.isZero() || connection.getMetaData().getDatabaseMajorVersion() < 14) {
			return new MigrationSession(connection, null);
		}
		return new MigrationSession(connection,
				set(connection, Long.toString(Math.max(1, clientCheckInterval.toMillis()))));
	}

	@Override
	public void close() throws SQLException {
		if (this.previous != null && !this.connection.isClosed()) {
			set(this.connection, this.previous);
		}
	}

	private static String set(Connection connection, String value) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT current_setting('client_connection_check_interval'),"
						+ " set_config('client_connection_check_interval', ?, false)")) {
			statement.setString(1, value);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

}
