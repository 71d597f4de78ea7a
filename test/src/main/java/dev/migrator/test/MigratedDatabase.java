package dev.migrator.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database for a test, created from a migrated template: every migration is applied and recorded in the
 * history table, and no other test sees it.
 *
 * @param name the database name, such as {@code migrator_test_3f2a9c1e_4121_7}
 * @param jdbcUrl its JDBC URL
 * @param username the user that created it
 * @param password that user's password
 * @param template the template database it was created from
 */
public record MigratedDatabase(String name, String jdbcUrl, String username, String password, String template) {

	/** A non-pooling DataSource for the database. */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.jdbcUrl);
		dataSource.setUser(this.username);
		dataSource.setPassword(this.password);
		return dataSource;
	}

	/** A new connection to the database. */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.username, this.password);
	}

}
