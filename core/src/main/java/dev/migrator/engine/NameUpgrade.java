package dev.migrator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * drizzle-orm 1.0's upgrade of a 0.x history table, done the same way so that whichever runner comes first, the
 * other agrees. Steps of {@link #apply}:
 * <ol>
 * <li>match each row to a migration folder ({@link #match}): by {@code created_at} cut to the second; where several
 * folders share that second, by hash; where none has it, by hash alone;</li>
 * <li>any row that matches no folder stops the upgrade, changing nothing;</li>
 * <li>else, in one transaction: add {@code name} and {@code applied_at}, and fill each row's name (drizzle-orm 1.0
 * also clears its {@code applied_at}).</li>
 * </ol>
 */
final class NameUpgrade {

	private NameUpgrade() {
	}

	/**
	 * The migration drizzle-orm 1.0's upgrade gives a row without a name, or {@code null}.
	 * @param migrations the folder's migrations, in order
	 * @param row the row
	 */
	static Migration match(List<Migration> migrations, AppliedRow row) {
		if (row.createdAt() == null) {
			return byHash(migrations, row.hash());
		}
		long second = Math.floorDiv(row.createdAt(), 1000L) * 1000L;
		List<Migration> candidates = migrations.stream().filter((m) -> m.entry().when() == second).toList();
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		if (candidates.size() > 1) {
			return candidates.stream().filter((m) -> m.hash().equals(row.hash())).findFirst().orElse(null);
		}
		return byHash(migrations, row.hash());
	}

	/** The last migration with the hash, as drizzle-orm's map keeps the last one it saw. */
	private static Migration byHash(List<Migration> migrations, String hash) {
		Map<String, Migration> byHash = new HashMap<>();
		migrations.forEach((migration) -> byHash.put(migration.hash(), migration));
		return byHash.get(hash);
	}

	/**
	 * Upgrades a table that has no {@code name} column.
	 * @param connection the run's connection, in autocommit, holding the lock
	 * @param table the quoted {@code schema.table}
	 * @param display {@code schema.table} for messages
	 * @param migrations the folder's migrations
	 * @param rows the table's rows
	 * @throws MigratorException naming the rows that match no folder; nothing is changed then
	 */
	static void apply(Connection connection, String table, String display, List<Migration> migrations,
			List<AppliedRow> rows) throws SQLException {
		Map<Long, String> names = new LinkedHashMap<>();
		List<Long> unmatched = new ArrayList<>();
		for (AppliedRow row : rows) {
			Migration migration = match(migrations, row);
			if (migration == null) {
				unmatched.add(row.id());
			}
			else {
				names.put(row.id(), migration.entry().name());
			}
		}
		if (!unmatched.isEmpty()) {
			throw new MigratorException("The history table " + display + " must get drizzle-orm 1.0's name column for"
					+ " this folder, but history rows " + unmatched + " match no migration folder (by created_at to the"
					+ " second, or by hash); nothing was changed",
					"Restore the migration folders those rows were applied from (drizzle-kit up converts a 0.x folder),"
							+ " or run from the folder that applied them.");
		}
		// in the caller's transaction where it has one (a baseline), else in one of its own
		boolean own = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement();
				PreparedStatement update = connection
					.prepareStatement("UPDATE " + table + " SET name = ?, applied_at = NULL WHERE id = ?")) {
			statement.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS name text");
			statement.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS applied_at timestamptz DEFAULT now()");
			for (Map.Entry<Long, String> name : names.entrySet()) {
				update.setString(1, name.getValue());
				update.setLong(2, name.getKey());
				update.addBatch();
			}
			update.executeBatch();
			if (own) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			if (own) {
				connection.rollback();
			}
			throw ex;
		}
		finally {
			if (own) {
				connection.setAutoCommit(true);
			}
		}
	}

}
