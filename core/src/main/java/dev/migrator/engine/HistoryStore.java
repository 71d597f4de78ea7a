package dev.migrator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drizzle's history table, {@code "drizzle"."__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL,
 * created_at bigint)}, plus a nullable {@code applied_at timestamptz DEFAULT now()}, which Drizzle 0.x's runner
 * ignores; for a folder in Drizzle 1.0's layout also {@code name text}, the identity drizzle-orm 1.0 matches rows by.
 * Once a table has {@code name}, every row written carries the name drizzle-orm 1.0 would give it. All SQL text about
 * the table lives here, except drizzle-orm 1.0's upgrade ({@link NameUpgrade}).
 */
public final class HistoryStore {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

	private final String schema;

	private final String table;

	private final String qualified;

	/** Whether the table had a {@code name} column when last looked at; records then carry the name. */
	private volatile boolean named;

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

	/**
	 * Creates the schema, the table and the {@code applied_at} column where they are missing, for a journal folder.
	 * @return what this call created, so that a run that fails before recording anything can take it back
	 */
	public Created ensureExists(Connection connection) throws SQLException {
		return ensureExists(connection, Journal.Layout.JOURNAL);
	}

	/**
	 * Creates the schema, the table and the {@code applied_at} column where they are missing; for the folder layout
	 * of Drizzle 1.0 a new table also gets {@code name}, as drizzle-orm 1.0 creates it.
	 * @return what this call created, so that a run that fails before recording anything can take it back
	 */
	public Created ensureExists(Connection connection, Journal.Layout layout) throws SQLException {
		Shape shape = shape(connection);
		Created created = Created.NOTHING;
		try (Statement statement = connection.createStatement()) {
			if (!shape.exists()) {
				created = Created.TABLE;
				// checked first: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when the schema exists
				if (!exists(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", this.schema)) {
					statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(this.schema));
					created = Created.SCHEMA_AND_TABLE;
				}
				String name = (layout == Journal.Layout.FOLDERS) ? " name text," : "";
				statement.execute("CREATE TABLE IF NOT EXISTS " + this.qualified
						+ " (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint," + name
						+ " applied_at timestamptz DEFAULT now())");
				this.named = !name.isEmpty();
			}
			else if (!shape.appliedAt()) {
				// rows written before (by Drizzle's runner) keep NULL: their time is unknown, not the time of this ALTER
				statement.execute("ALTER TABLE " + this.qualified + " ADD COLUMN IF NOT EXISTS applied_at timestamptz,"
						+ " ALTER COLUMN applied_at SET DEFAULT now()");
			}
		}
		return created;
	}

	/**
	 * Gives a table without {@code name} that column, the way drizzle-orm 1.0 upgrades it on its first run
	 * ({@link NameUpgrade}), when the folder is in its layout; a journal folder never changes the table's shape.
	 */
	public void upgradeFor(Connection connection, Journal journal) throws SQLException {
		if (journal.layout() != Journal.Layout.FOLDERS) {
			return;
		}
		Shape shape = shape(connection);
		if (shape.exists() && !shape.name()) {
			NameUpgrade.apply(connection, this.qualified, displayName(), journal.migrations(), read(connection));
			this.named = true;
		}
	}

	/**
	 * Takes back what {@link #ensureExists(Connection)} created, as long as the table is still empty, so that a
	 * failed first run leaves no empty history table behind (a later run with other settings would take it for a
	 * fresh start).
	 */
	public void dropCreated(Connection connection, Created created) throws SQLException {
		// a broken connection cannot drop anything, and its error must not hide the failure that is being reported
		if (created == Created.NOTHING || connection.isClosed() || !shape(connection).exists()) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + this.qualified + ")")) {
				if (!rs.next() || rs.getBoolean(1)) {
					return;
				}
			}
			statement.execute("DROP TABLE " + this.qualified);
			if (created == Created.SCHEMA_AND_TABLE
					&& !exists(connection, "SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace(?)", this.schema)) {
				statement.execute("DROP SCHEMA " + quote(this.schema) + " RESTRICT");
			}
		}
	}

	/**
	 * The rows in the order they were written; none when the table does not exist yet. One catalog lookup, then one
	 * query on the table.
	 */
	public List<AppliedRow> read(Connection connection) throws SQLException {
		Shape shape = shape(connection);
		if (!shape.exists()) {
			return List.of();
		}
		// applied_at as microseconds since the epoch: pgjdbc's getTimestamp parses text through calendars, which in a
		// fresh JVM cost tens of milliseconds for a thousand rows; a timestamp at infinity reads as unknown, and one
		// without time zone is taken in the session's (pgjdbc sets it to the JVM's), as getTimestamp took it
		String appliedAt = shape.appliedAt()
				? "CASE WHEN isfinite(applied_at::timestamptz) THEN (extract(epoch FROM applied_at::timestamptz)"
						+ " * 1000000)::bigint END"
				: "NULL::bigint";
		String name = shape.name() ? "name" : "NULL::text";
		List<AppliedRow> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT id, hash, created_at, " + appliedAt + ", " + name
						+ " FROM " + this.qualified + " ORDER BY id")) {
			HistoryColumns.check(rs.getMetaData(), displayName());
			while (rs.next()) {
				long createdAt = rs.getLong(3);
				Long when = rs.wasNull() ? null : createdAt;
				long micros = rs.getLong(4);
				Instant at = rs.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
				rows.add(new AppliedRow(rs.getLong(1), rs.getString(2), when, at, shape.name() ? rs.getString(5) : null));
			}
		}
		catch (SQLException ex) {
			MigratorException missing = HistoryColumns.missing(ex, displayName());
			if (missing != null) {
				throw missing;
			}
			throw ex;
		}
		return rows;
	}

	/**
	 * The history in one row ({@link HistoryDigest}): the catalog lookup, then one query that the server answers with
	 * a row count and a SHA-256 of every row, however many there are.
	 * @return {@code null} when the table does not exist yet; {@link HistoryDigest#NONE} when the rows must be read
	 * instead: a table whose columns are not of Drizzle's types (read, it is refused, naming them), or a digest the
	 * server could not compute (such as a {@code SQL_ASCII} database holding bytes that are not UTF-8)
	 */
	HistoryDigest digest(Connection connection) throws SQLException {
		Shape shape = shape(connection);
		if (!shape.exists()) {
			return null;
		}
		if (!shape.drizzleTypes()) {
			return HistoryDigest.NONE;
		}
		Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*), encode(sha256(convert_to(string_agg("
						+ HistoryDigest.lineSql(shape.name()) + ", E'\\n' ORDER BY id), 'UTF8')), 'hex') FROM "
						+ this.qualified)) {
			rs.next();
			return new HistoryDigest(shape.name(), rs.getLong(1), rs.getString(2));
		}
		catch (SQLException ex) {
			MigratorException missing = HistoryColumns.missing(ex, displayName());
			if (missing != null) {
				throw missing;
			}
			// the read says what is wrong, or reads what the digest could not
			if (savepoint != null) {
				connection.rollback(savepoint);
			}
			return HistoryDigest.NONE;
		}
	}

	/**
	 * Records a migration as applied, in the connection's current transaction: its hash and {@code when}, and on a
	 * table with {@code name} the name drizzle-orm 1.0 gives it.
	 */
	public void record(Connection connection, Migration migration) throws SQLException {
		try (Statement insert = connection.createStatement()) {
			insert.setEscapeProcessing(false);
			insert.execute(recordStatement(migration));
		}
	}

	/**
	 * The statement that records a migration as applied, with its values written out, so that it can also be sent
	 * together with other statements.
	 * @param migration the migration
	 * @return an {@code INSERT} of its row
	 */
	public String recordStatement(Migration migration) {
		boolean withName = this.named;
		return "INSERT INTO " + this.qualified + (withName ? " (hash, created_at, name)" : " (hash, created_at)")
				+ " VALUES (" + literal(migration.hash()) + ", " + migration.entry().when()
				+ (withName ? ", " + literal(migration.entry().name()) : "") + ")";
	}

	/**
	 * A condition that holds when the newest history row is a migration's: one look at the primary key's end.
	 * @param migration the migration
	 * @return an SQL boolean expression
	 */
	public String newestIs(Migration migration) {
		return "EXISTS (SELECT 1 FROM (SELECT hash, created_at FROM " + this.qualified + " ORDER BY id DESC LIMIT 1)"
				+ " newest WHERE hash = " + literal(migration.hash()) + " AND created_at = " + migration.entry().when()
				+ ")";
	}

	/**
	 * A string literal that reads the same whatever {@code standard_conforming_strings} says: an {@code E'...'}
	 * string, with its quotes and backslashes doubled.
	 */
	static String literal(String value) {
		return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	/**
	 * When the transactions of the newest rows started: their {@code applied_at}, which defaults to the transaction's
	 * {@code now()}.
	 * @param connection the connection, holding the migration lock
	 * @param count how many rows
	 * @return microseconds since the epoch, oldest row first
	 * @throws SQLException also when there are fewer rows or one has no {@code applied_at}
	 */
	long[] newestStarts(Connection connection, int count) throws SQLException {
		long[] starts = new long[count];
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT (extract(epoch FROM applied_at) * 1000000)::bigint FROM"
						+ " (SELECT id, applied_at FROM " + this.qualified + " ORDER BY id DESC LIMIT " + count
						+ ") newest ORDER BY id")) {
			int i = 0;
			while (rs.next() && i < count) {
				starts[i++] = rs.getLong(1);
				if (rs.wasNull()) {
					throw new SQLException("A history row has no applied_at");
				}
			}
			if (i < count) {
				throw new SQLException("The history table has " + i + " rows, not " + count);
			}
		}
		return starts;
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

	/**
	 * Makes every earlier commit durable, also those that did not wait for the WAL flush: a transaction that writes
	 * WAL (it locks the newest history row) and commits with the server's {@code synchronous_commit} flushes the WAL
	 * up to its commit record. (A transaction that writes no WAL before its commit does not wait, even with a
	 * transaction id.)
	 * @param connection a connection in autocommit mode, which it leaves in autocommit mode
	 */
	public void flushCommits(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT id FROM " + this.qualified + " ORDER BY id DESC LIMIT 1 FOR UPDATE");
			connection.commit();
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	/** {@code schema.table}, as shown to users. */
	public String displayName() {
		return this.schema + "." + this.table;
	}

	private Shape shape(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT t.oid IS NOT NULL,"
				+ " EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'applied_at'"
				+ " AND NOT a.attisdropped), EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid"
				+ " AND a.attname = 'name' AND NOT a.attisdropped), (SELECT count(*) FROM pg_attribute a"
				+ " WHERE a.attrelid = t.oid AND NOT a.attisdropped AND (a.attname IN ('id', 'created_at')"
				+ " AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype) OR a.attname IN ('hash',"
				+ " 'name') AND a.atttypid IN ('text'::regtype, 'varchar'::regtype))) FROM (SELECT to_regclass(?) AS oid) t")) {
			query.setString(1, this.qualified);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				boolean name = rs.getBoolean(3);
				Shape shape = new Shape(rs.getBoolean(1), rs.getBoolean(2), name, rs.getInt(4) == (name ? 4 : 3));
				this.named = shape.name();
				return shape;
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

	/** What {@link #ensureExists(Connection)} created. */
	public enum Created {

		/** The table was there. */
		NOTHING,

		/** The table, in a schema that was there. */
		TABLE,

		/** The schema and the table. */
		SCHEMA_AND_TABLE

	}

	/**
	 * What exists of the history table.
	 *
	 * @param exists whether the table exists
	 * @param appliedAt whether it has {@code applied_at}
	 * @param name whether it has drizzle-orm 1.0's {@code name}
	 * @param drizzleTypes whether {@code id} and {@code created_at} are integers and {@code hash} (and {@code name})
	 * text, as Drizzle creates them: only then is the text of a row's values what pgjdbc reads from them
	 */
	private record Shape(boolean exists, boolean appliedAt, boolean name, boolean drizzleTypes) {
	}

}
