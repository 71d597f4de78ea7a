package dev.migrator.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.postgresql.Driver;

/**
 * The one connection of a command run, opened once and handed to the engine as a {@link DataSource}. Each engine
 * call opens and closes "a" connection; here that is always the same session, so the run is one backend in
 * {@code pg_stat_activity} and its advisory lock ends with the process. {@link #close()} closes it for real.
 */
final class SingleConnectionDataSource implements DataSource, AutoCloseable {

	private final Connection connection;

	private final Connection shared;

	private SingleConnectionDataSource(Connection connection) {
		this.connection = connection;
		this.shared = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0) {
						release();
						return null;
					}
					try {
						return method.invoke(connection, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/**
	 * Connects.
	 * @param target the URL and properties
	 * @return the data source of that one connection
	 * @throws SQLException when the server cannot be reached or refuses the login
	 */
	static SingleConnectionDataSource open(JdbcTarget target) throws SQLException {
		Connection connection = new Driver().connect(target.url(), target.properties());
		if (connection == null) {
			throw new SQLException("The PostgreSQL driver does not accept " + target.url());
		}
		return new SingleConnectionDataSource(connection);
	}

	/** An engine call is over: leave the session as a fresh one would be, without closing it. */
	private void release() throws SQLException {
		if (!this.connection.isClosed() && !this.connection.getAutoCommit()) {
			this.connection.rollback();
			this.connection.setAutoCommit(true);
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (this.connection.isClosed()) {
			throw new SQLException("The migrator's connection was closed");
		}
		return this.shared;
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException("The migrator's connection has its credentials already");
	}

	/** Ends the session, which also releases any advisory lock still held. */
	@Override
	public void close() {
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			// the server ends the session when the process exits anyway
		}
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new SQLException("Not a wrapper of " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this);
	}

}
