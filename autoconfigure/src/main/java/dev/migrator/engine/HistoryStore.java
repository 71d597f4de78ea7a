package dev.migrator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drizzle's history table, {@code "drizzle"."__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL,
 * created_at bigint)}, plus a nullable {@code applied_at timestamptz DEFAULT now()} (the shape Drizzle 1.0 uses),
 * which Drizzle's runner ignores. All SQL text about the table lives here.
 */
public final class HistoryStore {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

	private final String schema;

	private final String table;

	private final String qualified;

	public HistoryStore(String schema, String table) {
		this.schema = checkIdentifier("schema", schema);
		this.table = checkIdentifier("table", table);
		this.qualified = quote(schema) + "." + quote(table);
	}

	/**
	 * Checks a schema or table name: a plain SQL identifier of at most 63 characters.
	 * @param what {@code schema} or {@code table}
	 * @param name the name
	 * @return the name
	 * @throws IllegalArgumentException naming the setting when it is not a plain identifier
	 */
	public static String checkIdentifier(String what, String name) {
		if (!isIdentifier(name)) {
			throw new IllegalArgumentException("History " + what + " '" + name + "' is not a plain SQL identifier:"
					+ " use 1 to 63 letters, digits, '_' or '$', not starting with a digit (migrator." + what + ")");
		}
		return name;
	}

	/** Whether a name is a plain SQL identifier of at most 63 characters, as schema and table names must be. */
	public static boolean isIdentifier(String name) {
		return name != null && IDENTIFIER.matcher(name).matches();
	}

	/** Creates the schema, the table and the {@code applied_at} column where they are missing. */
	public void ensureExists(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (!exists(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", this.schema)) {
				statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(this.schema));
			}
			if (!tableExists(connection)) {
				statement.execute("CREATE TABLE IF NOT EXISTS " + this.qualified
						+ " (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint,"
						+ " applied_at timestamptz DEFAULT now())");
			}
			else if (!hasAppliedAt(connection)) {
				// rows written before (by Drizzle's runner) keep NULL: their time is unknown, not the time of this ALTER
				statement.execute("ALTER TABLE " + this.qualified + " ADD COLUMN IF NOT EXISTS applied_at timestamptz,"
						+ " ALTER COLUMN applied_at SET DEFAULT now()");
			}
		}
	}

	/** The rows in the order they were written; none when the table does not exist yet. */
	public List<AppliedRow> read(Connection connection) throws SQLException {
		if (!tableExists(connection)) {
			return List.of();
		}
		String appliedAt = hasAppliedAt(connection) ? "applied_at" : "NULL::timestamptz";
		List<AppliedRow> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT id, hash, created_at, " + appliedAt + " FROM " + this.qualified + " ORDER BY id")) {
			while (rs.next()) {
				long createdAt = rs.getLong(3);
				Long when = rs.wasNull() ? null : createdAt;
				Timestamp at = rs.getTimestamp(4);
				rows.add(new AppliedRow(rs.getLong(1), rs.getString(2), when, at == null ? null : at.toInstant()));
			}
		}
		return rows;
	}

	/** Records a migration as applied, in the connection's current transaction. */
	public void record(Connection connection, Migration migration) throws SQLException {
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO " + this.qualified + " (hash, created_at) VALUES (?, ?)")) {
			insert.setString(1, migration.hash());
			insert.setLong(2, migration.entry().when());
			insert.executeUpdate();
		}
	}

	/** {@code schema.table}, as shown to users. */
	public String displayName() {
		return this.schema + "." + this.table;
	}

	private boolean tableExists(Connection connection) throws SQLException {
		return exists(connection, "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE n.nspname = ? AND c.relname = ?", this.schema, this.table);
	}

	private boolean hasAppliedAt(Connection connection) throws SQLException {
		return exists(connection, "SELECT 1 FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
				+ " AND column_name = 'applied_at'", this.schema, this.table);
	}

	private static boolean exists(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				query.setString(i + 1, parameters[i]);
			}
			try (ResultSet rs = query.executeQuery()) {
				return rs.next();
			}
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier + "\"";
	}

}
