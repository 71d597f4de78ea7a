package dev.migrator.engine.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import dev.migrator.engine.MigratorException;

/**
 * Live facts from PostgreSQL's catalog, read once per table on the given connection.
 *
 * <p>Steps for a table:
 * <ol>
 * <li>the first time any table is asked about, read the names of all relations and the schemas
 * {@code search_path} resolves to ({@code current_schemas(true)}), in one query; a name that is none of them (as
 * in a new database, where the run creates every table it touches) does not exist, without a query of its own. A
 * catalog of more than {@value #NAMES_LIMIT} relations is not read, and every table is asked about alone;</li>
 * <li>else resolve the name with {@code to_regclass}, which follows the connection's {@code search_path}; no
 * ordinary or partitioned table of that name means it does not exist;</li>
 * <li>sum {@code pg_class.reltuples} and {@code pg_total_relation_size} over the table, or over the leaf partitions
 * of a partitioned table ({@code pg_partition_tree});</li>
 * <li>where the estimate is missing ({@code reltuples} is -1, never analyzed, on PostgreSQL 14+) or 0 (empty when
 * last analyzed, or never analyzed before 14), count the rows, but only up to one more than the count limit (the
 * large-table threshold): that answers "is it large?" at a bounded cost. A count that fails (no privilege, or the
 * table locked for longer than {@value #COUNT_TIMEOUT_SECONDS} s) leaves the rows unknown.</li>
 * </ol>
 * Use it before the run applies anything: tables the run creates must still be missing.
 */
public final class CatalogFacts implements DatabaseFacts {

	static final int COUNT_TIMEOUT_SECONDS = 5;

	/** The table, then (pg_partition_tree lists only partitioned tables and partitions) its partitions. */
	private static final String TREE = "WITH t AS (SELECT to_regclass(?) AS oid)"
			+ " SELECT c.oid::regclass::text, c.relkind::text, c.relkind <> 'p', c.reltuples::bigint,"
			+ " pg_total_relation_size(c.oid), 0 AS level FROM t JOIN pg_class c ON c.oid = t.oid"
			+ " UNION ALL SELECT p.relid::regclass::text, c.relkind::text, p.isleaf, c.reltuples::bigint,"
			+ " pg_total_relation_size(c.oid), p.level FROM t, pg_partition_tree(t.oid) p"
			+ " JOIN pg_class c ON c.oid = p.relid WHERE p.level > 0 ORDER BY level";

	/** Relations beyond which the names are not read at once. */
	static final int NAMES_LIMIT = 20_000;

	private static final String NAMES = "SELECT n.nspname, c.relname, NULL FROM pg_class c"
			+ " JOIN pg_namespace n ON n.oid = c.relnamespace UNION ALL"
			+ " SELECT NULL, NULL, s FROM unnest(current_schemas(true)) s LIMIT ";

	private final Connection connection;

	/** Every relation as {@code schema.name}, or {@code null} until read or when there are too many. */
	private Set<TableName> relations;

	private final List<String> searchPath = new ArrayList<>();

	private boolean namesRead;

	private final long countLimit;

	private final int namesLimit;

	private final Map<TableName, Table> tables = new HashMap<>();

	/**
	 * @param connection the connection to read from; left as it is found
	 * @param countLimit rows beyond which a fallback count stops: the large-table threshold
	 */
	public CatalogFacts(Connection connection, long countLimit) {
		this(connection, countLimit, NAMES_LIMIT);
	}

	CatalogFacts(Connection connection, long countLimit, int namesLimit) {
		this.connection = connection;
		this.countLimit = countLimit;
		this.namesLimit = namesLimit;
	}

	@Override
	public boolean live() {
		return true;
	}

	@Override
	public boolean tableExists(TableName table) {
		return table(table).exists();
	}

	@Override
	public OptionalLong liveRows(TableName table) {
		return table(table).rows();
	}

	@Override
	public OptionalLong totalBytes(TableName table) {
		return table(table).bytes();
	}

	private Table table(TableName name) {
		return this.tables.computeIfAbsent(name, (table) -> surelyMissing(table) ? Table.MISSING : read(table));
	}

	/** Whether no relation has the name, judged from the names read at the first question. */
	private boolean surelyMissing(TableName name) {
		if (!this.namesRead) {
			this.namesRead = true;
			this.relations = readNames();
		}
		if (this.relations == null || "pg_temp".equals(name.schema())) {
			return false;
		}
		if (name.schema() != null) {
			return !this.relations.contains(name);
		}
		return this.searchPath.stream().noneMatch((schema) -> this.relations.contains(new TableName(schema, name.name())));
	}

	private Set<TableName> readNames() {
		Set<TableName> names = new HashSet<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery(NAMES + (this.namesLimit + 1))) {
			int rows = 0;
			while (rs.next()) {
				if (++rows > this.namesLimit) {
					return null;
				}
				if (rs.getString(3) != null) {
					this.searchPath.add(rs.getString(3));
				}
				else {
					names.add(new TableName(rs.getString(1), rs.getString(2)));
				}
			}
			return names;
		}
		catch (SQLException ex) {
			throw new MigratorException("Could not read the names of the tables for the lint: " + ex.getMessage()
					+ " [SQLSTATE " + ex.getSQLState() + "]",
					"Check that the migration user may read pg_class, or set migrator.lint.mode=off.", ex);
		}
	}

	private Table read(TableName name) {
		try (PreparedStatement query = this.connection.prepareStatement(TREE)) {
			query.setString(1, name.quoted());
			String resolved = null;
			long rows = 0;
			long bytes = 0;
			boolean estimated = true;
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					if (resolved == null && !rs.getString(2).equals("r") && !rs.getString(2).equals("p")) {
						return Table.MISSING;
					}
					// the first row is the named table itself, then its partitions
					resolved = (resolved != null) ? resolved : rs.getString(1);
					if (rs.getBoolean(3)) {
						rows += Math.max(rs.getLong(4), 0);
						estimated &= rs.getLong(4) > 0;
						bytes += rs.getLong(5);
					}
				}
			}
			if (resolved == null) {
				return Table.MISSING;
			}
			return new Table(true, estimated ? OptionalLong.of(rows) : count(resolved), OptionalLong.of(bytes));
		}
		catch (SQLException ex) {
			throw new MigratorException("Could not read the size of table " + name + " for the lint: " + ex.getMessage()
					+ " [SQLSTATE " + ex.getSQLState() + "]",
					"Check that the migration user may read pg_class, or set migrator.lint.mode=off.", ex);
		}
	}

	/** Rows of a table never analyzed, counted up to one past the limit. */
	private OptionalLong count(String resolved) throws SQLException {
		Savepoint savepoint = this.connection.getAutoCommit() ? null : this.connection.setSavepoint();
		try (Statement statement = this.connection.createStatement()) {
			statement.setQueryTimeout(COUNT_TIMEOUT_SECONDS);
			// resolved is regclass output: quoted where it needs to be, so it can stand in the text
			try (ResultSet rs = statement.executeQuery(
					"SELECT count(*) FROM (SELECT FROM " + resolved + " LIMIT " + (this.countLimit + 1) + ") s")) {
				rs.next();
				return OptionalLong.of(rs.getLong(1));
			}
		}
		catch (SQLException ex) {
			if (savepoint != null) {
				this.connection.rollback(savepoint);
			}
			return OptionalLong.empty();
		}
	}

	private record Table(boolean exists, OptionalLong rows, OptionalLong bytes) {

		static final Table MISSING = new Table(false, OptionalLong.empty(), OptionalLong.empty());

	}

}
