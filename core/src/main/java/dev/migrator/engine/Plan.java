package dev.migrator.engine;

import java.util.List;

/**
 * The state of every journal entry and history row, and what a run would do.
 *
 * @param location the migrations folder
 * @param table the history table, {@code schema.table}
 * @param migrations journal entries in journal order, then unknown history rows
 * @param toApply what a migrate run applies, in order
 * @param problems what stops a migrate run (each names the migration and what to do)
 * @param warnings what a run only reports
 */
public record Plan(String location, String table, List<PlannedMigration> migrations, List<Migration> toApply,
		List<String> problems, List<String> warnings) {

	/** How many entries or rows are in the given state. */
	public long count(MigrationState state) {
		return this.migrations.stream().filter((migration) -> migration.state() == state).count();
	}

	/** Whether nothing is pending, out of order or modified. */
	public boolean upToDate() {
		return count(MigrationState.PENDING) == 0 && count(MigrationState.OUT_OF_ORDER) == 0
				&& count(MigrationState.MODIFIED) == 0;
	}

}
