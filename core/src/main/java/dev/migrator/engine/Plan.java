package dev.migrator.engine;

import java.util.List;

import dev.migrator.engine.lint.Finding;

/**
 * The state of every journal entry and history row, and what a run would do.
 *
 * @param location the migrations folder
 * @param table the history table, {@code schema.table}
 * @param migrations journal entries in journal order, then unknown history rows
 * @param toApply what a migrate run applies, in order
 * @param problems what stops a migrate run (each names the migration and what to do)
 * @param warnings what a run only reports
 * @param findings what the lint found in the migrations to apply (empty until they are linted)
 */
public record Plan(String location, String table, List<PlannedMigration> migrations, List<Migration> toApply,
		List<String> problems, List<String> warnings, List<Finding> findings) {

	/** A plan whose migrations are not linted yet. */
	public Plan(String location, String table, List<PlannedMigration> migrations, List<Migration> toApply,
			List<String> problems, List<String> warnings) {
		this(location, table, migrations, toApply, problems, warnings, List.of());
	}

	/** This plan with the lint's findings. */
	public Plan withFindings(List<Finding> findings) {
		return new Plan(this.location, this.table, this.migrations, this.toApply, this.problems, this.warnings,
				List.copyOf(findings));
	}

	/** The findings in one migration's file. */
	public List<Finding> findings(Migration migration) {
		return this.findings.stream().filter((finding) -> finding.file().equals(migration.entry().fileName())).toList();
	}

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
