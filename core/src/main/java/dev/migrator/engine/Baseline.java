package dev.migrator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adopts a database whose schema was created some other way: records journal entries as applied without running
 * them, in the rows Drizzle's runner writes ({@code hash} of the file, {@code created_at} = the entry's {@code when}),
 * so that Migrator and Drizzle both take over from there.
 *
 * <p>Steps of {@link #record(Connection, HistoryStore, List)}, on a connection that holds the migration lock:
 * <ol>
 * <li>read the history rows (the table may not exist yet);</li>
 * <li>refuse, changing nothing, when one of the entries is already recorded or a row is newer than the last of
 * them: the history then tells what really ran, and a baseline would contradict it;</li>
 * <li>in one transaction, create the history table where missing and insert one row per entry.</li>
 * </ol>
 */
final class Baseline {

	private Baseline() {
	}

	/**
	 * The entries a baseline to an entry records.
	 * @param journal the journal
	 * @param target the newest entry to record, one of the journal's
	 * @return the entries up to and including the target, in journal order
	 */
	static List<Migration> upTo(Journal journal, Migration target) {
		// by tag: equal migrations would compare their statements, and so read and split their files
		List<Migration> migrations = journal.migrations();
		int at = 0;
		while (at < migrations.size() && !migrations.get(at).tag().equals(target.tag())) {
			at++;
		}
		return migrations.subList(0, Math.min(at + 1, migrations.size()));
	}

	/**
	 * Records the entries as applied.
	 * @param connection a connection in autocommit that holds the migration lock; left in autocommit
	 * @param history the history table
	 * @param entries what {@link #upTo(Journal, Migration)} returned
	 * @param journal the journal they come from, whose layout decides the table's shape
	 * @return the entries recorded
	 * @throws ValidationException when the history already holds one of them or a newer row; nothing was changed
	 */
	static List<Migration> record(Connection connection, HistoryStore history, List<Migration> entries,
			Journal journal) throws SQLException {
		List<String> problems = refusals(entries, history.read(connection), history.displayName());
		if (!problems.isEmpty()) {
			throw new ValidationException(problems, "Nothing was recorded. A baseline adopts a database whose history"
					+ " holds none of these migrations and nothing newer; here the history already tells what ran, so"
					+ " check the status and migrate instead (or baseline to an older tag).");
		}
		connection.setAutoCommit(false);
		try {
			history.ensureExists(connection, journal.layout());
			history.upgradeFor(connection, journal);
			for (Migration migration : entries) {
				history.record(connection, migration);
			}
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
		return entries;
	}

	static List<String> refusals(List<Migration> entries, List<AppliedRow> rows, String table) {
		Migration target = entries.get(entries.size() - 1);
		Map<Long, Migration> byWhen = new HashMap<>();
		Map<String, Migration> byName = new HashMap<>();
		entries.forEach((migration) -> byWhen.put(migration.entry().when(), migration));
		entries.forEach((migration) -> byName.put(migration.entry().name(), migration));
		List<String> problems = new ArrayList<>();
		for (AppliedRow row : rows) {
			if (row.createdAt() == null) {
				continue;
			}
			Migration recorded = (row.name() != null) ? byName.get(row.name()) : byWhen.get(row.createdAt());
			if (recorded != null) {
				problems.add(recorded.tag() + " is already recorded in " + table + " (history row id " + row.id() + ")");
			}
			else if (row.createdAt() > target.entry().when()) {
				problems.add("History row id " + row.id() + " (created_at " + row.createdAt() + ") in " + table
						+ " is newer than " + target.tag() + " (when " + target.entry().when() + ")");
			}
		}
		return problems;
	}

}
