package dev.migrator.engine;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks that an existing history table is one: its {@code id}, {@code hash} and {@code created_at} columns exist
 * with the types Drizzle gives them, told from the result of the read itself (no extra query). A table of the same
 * name that is something else would otherwise be read wrongly (a number taken for a hash) or fail later, with an
 * error that names no table.
 */
final class HistoryColumns {

	/** The columns that are read, as Drizzle's runner creates them. */
	static final String DRIZZLE_SHAPE = "id serial, hash text NOT NULL, created_at bigint";

	private static final Set<Integer> WHOLE_NUMBERS = Set.of(Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC);

	private static final Set<Integer> TEXTS = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR);

	private HistoryColumns() {
	}

	/**
	 * Checks the types of {@code id, hash, created_at}, the first three columns of the read.
	 * @throws MigratorException naming the table and each column of another type
	 */
	static void check(ResultSetMetaData read, String table) throws SQLException {
		List<String> wrong = new ArrayList<>();
		expect(read, 1, "id", WHOLE_NUMBERS, "integer", wrong);
		expect(read, 2, "hash", TEXTS, "text", wrong);
		expect(read, 3, "created_at", WHOLE_NUMBERS, "bigint", wrong);
		if (!wrong.isEmpty()) {
			throw notHistory(table, String.join(", ", wrong));
		}
	}

	/** The error for a read that failed because a column is missing (SQLSTATE 42703), else {@code null}. */
	static MigratorException missing(SQLException ex, String table) {
		if (!"42703".equals(ex.getSQLState())) {
			return null;
		}
		String detail = String.valueOf(ex.getMessage()).lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
		return notHistory(table, detail);
	}

	private static void expect(ResultSetMetaData read, int column, String name, Set<Integer> types, String expected,
			List<String> wrong) throws SQLException {
		// the JDBC type needs no catalog query; the type's name (for the message) may, so only on the error path
		if (!types.contains(read.getColumnType(column))) {
			wrong.add("column " + name + " is " + read.getColumnTypeName(column) + ", not " + expected);
		}
	}

	private static MigratorException notHistory(String table, String detail) {
		return new MigratorException(table + " exists but is not a Drizzle history table (" + DRIZZLE_SHAPE + "): "
				+ detail + "; nothing was applied",
				"Point migrator.schema and migrator.table at the history table Drizzle uses, or rename this table if it"
						+ " is something else, so that the history can be created there.");
	}

}
