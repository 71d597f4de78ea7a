package dev.migrator.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrator.embedded.TestPostgres.TestDatabase;

/** Small queries for assertions. */
public final class Sql {

	private Sql() {
	}

	/** Rows of a query, each a list of its columns as strings. */
	public static List<List<String>> rows(TestDatabase database, String query) {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(query)) {
			ResultSetMetaData meta = rs.getMetaData();
			List<List<String>> rows = new ArrayList<>();
			while (rs.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.add(rs.getString(i));
				}
				rows.add(row);
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(query + ": " + ex.getMessage(), ex);
		}
	}

	/** The single value of a query. */
	public static String value(TestDatabase database, String query) {
		return database.queryValue(query);
	}

	/** Runs statements. */
	public static void execute(TestDatabase database, String... statements) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/** Whether a table exists in the public schema. */
	public static boolean tableExists(TestDatabase database, String table) {
		return value(database, "SELECT to_regclass('public.\"" + table + "\"')") != null;
	}

	/** {@code hash, created_at} of the history rows in id order. */
	public static List<List<String>> history(TestDatabase database) {
		return rows(database, "SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id");
	}

}
