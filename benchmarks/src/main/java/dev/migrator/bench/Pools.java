package dev.migrator.bench;

import java.sql.Connection;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool an application has when its migrations are checked: HikariCP, as Spring Boot configures it,
 * with its connections opened and used once before anything is timed.
 */
final class Pools {

	private static final int SIZE = 2;

	private Pools() {
	}

	static HikariDataSource open(String url, String username, String password) throws Exception {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(username);
		config.setPassword(password);
		config.setMaximumPoolSize(SIZE);
		config.setMinimumIdle(SIZE);
		config.setPoolName("benchmark");
		HikariDataSource pool = new HikariDataSource(config);
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
		}
		// the pool fills in the background: wait, so that no connection is opened while a call is timed
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (pool.getHikariPoolMXBean().getIdleConnections() < SIZE) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The pool on " + url + " did not open " + SIZE
						+ " connections in 10 s: is the server overloaded, or max_connections reached?");
			}
			Thread.sleep(5);
		}
		return pool;
	}

}
