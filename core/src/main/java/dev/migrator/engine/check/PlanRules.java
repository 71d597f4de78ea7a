package dev.migrator.engine.check;

import java.util.ArrayList;
import java.util.List;

import dev.migrator.engine.PlannedMigration;
import dev.migrator.engine.Plan;
import dev.migrator.engine.Policy;

/**
 * The database's side of a check: each migration's state in the {@link Plan}, ranked by the policies as a migrate run
 * would rank it (an out-of-order or modified migration that the run would refuse is an error).
 */
final class PlanRules {

	private PlanRules() {
	}

	static List<CheckFinding> check(Plan plan, Policy policy) {
		List<CheckFinding> findings = new ArrayList<>();
		for (PlannedMigration planned : plan.migrations()) {
			String file = (planned.migration() != null) ? planned.migration().entry().fileName() : null;
			switch (planned.state()) {
				case PENDING -> findings.add(CheckRule.PENDING.finding(Severity.WARN, file, 1,
						planned.tag() + " is not applied to " + plan.table() + " yet",
						"Nothing, if it is meant to ship: the next migrate applies it."));
				case OUT_OF_ORDER -> findings.add(CheckRule.OUT_OF_ORDER.finding(
						(policy.outOfOrder() == Policy.OutOfOrder.FAIL) ? Severity.ERROR : Severity.WARN, file, 1,
						planned.tag() + " is not applied to " + plan.table() + " but is older than the newest applied"
								+ " migration, so Drizzle's runner would skip it",
						"If it was never applied anywhere, add it again with migrator new (a newer when) and delete this"
								+ " one; else set migrator.out-of-order=apply."));
				case MODIFIED -> findings.add(CheckRule.MODIFIED.finding(
						(policy.onModified() == Policy.OnProblem.FAIL) ? Severity.ERROR : Severity.WARN, file, 1,
						file + " changed after it was applied to " + plan.table() + " (recorded hash "
								+ planned.appliedHash() + ", file hash " + planned.hash() + ")",
						"Restore the file and put the change in a new migration (migrator new); for an edit made on"
								+ " purpose, migrator repair --tag " + planned.tag() + " --yes records the new hash."));
				case UNKNOWN -> findings.add(CheckRule.UNKNOWN_ROW.finding(Severity.WARN, CheckFinding.FOLDER, 1,
						"History row id " + planned.row().id() + " of " + plan.table() + " (created_at "
								+ planned.row().createdAt() + ") matches no migration in the folder",
						"Nothing, if a newer release wrote it; else find the migration it records."));
				default -> {
				}
			}
		}
		return findings;
	}

}
