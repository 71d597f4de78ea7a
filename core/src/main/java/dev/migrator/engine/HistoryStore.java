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
		Shape shape = shape(connection);
		try (Statement statement = connection.createStatement()) {
			if (shape == Shape.MISSING) {
				// checked first: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when the schema exists
				if (!exists(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", this.schema)) {
					statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(this.schema));
				}
				statement.execute("CREATE TABLE IF NOT EXISTS " + this.qualified
						+ " (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint,"
						+ " applied_at timestamptz DEFAULT now())");
			}
			else if (shape == Shape.DRIZZLE) {
				// rows written before (by Drizzle's runner) keep NULL: their time is unknown, not the time of this ALTER
				statement.execute("ALTER TABLE " + this.qualified + " ADD COLUMN IF NOT EXISTS applied_at timestamptz,"
						+ " ALTER COLUMN applied_at SET DEFAULT now()");
			}
		}
	}

	/**
	 * The rows in the order they were written; none when the table does not exist yet. One catalog lookup, then one
	 * query on the table.
	 */
	public List<AppliedRow> read(Connection connection) throws SQLException {
		Shape shape = shape(connection);
		if (shape == Shape.MISSING) {
			return List.of();
		}
		String appliedAt = (shape == Shape.EXTENDED) ? "applied_at" : "NULL::timestamptz";
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

	/**
	 * Replaces the recorded hash of one row, only while it still holds the hash the caller saw.
	 * @param connection the connection, holding the migration lock
	 * @param id the row's id
	 * @param recordedHash the hash the row holds
	 * @param newHash the hash to record
	 * @return whether the row was changed
	 */
	public boolean replaceHash(Connection connection, long id, String recordedHash, String newHash) throws SQLException {
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE " + this.qualified + " SET hash = ? WHERE id = ? AND hash = ?")) {
			update.setString(1, newHash);
			update.setLong(2, id);
			update.setString(3, recordedHash);
			return update.executeUpdate() == 1;
		}
	}

	/** {@code schema.table}, as shown to users. */
	public String displayName() {
		return this.schema + "." + this.table;
	}

	private Shape shape(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT t.oid IS NOT NULL, EXISTS (SELECT 1 FROM"
				+ " pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'applied_at' AND NOT a.attisdropped)"
				+ " FROM (SELECT to_regclass(?) AS oid) t")) {
			query.setString(1, this.qualified);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return !rs.getBoolean(1) ? Shape.MISSING : rs.getBoolean(2) ? Shape.EXTENDED : Shape.DRIZZLE;
			}
		}
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

	/** What exists of the history table. */
	private enum Shape {

		/** No table yet. */
		MISSING,

		/** Drizzle's three columns. */
		DRIZZLE,

		/** Drizzle's columns and {@code applied_at}. */
		EXTENDED

	}

}
