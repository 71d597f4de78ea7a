package dev.migrator.engine;

import java.util.List;

/**
 * The way out of {@link MigrationState#MODIFIED} when an applied file was edited on purpose (a comment, a
 * formatting fix, a statement made idempotent): the recorded hash is replaced with the file's, and nothing is run.
 *
 * @param tag the migration's tag
 * @param rowId id of its history row
 * @param recordedHash the hash the row held
 * @param fileHash the file's hash
 * @param replaced whether the row now holds the file's hash; {@code false} for a dry run
 */
public record HashRepair(String tag, long rowId, String recordedHash, String fileHash, boolean replaced) {

	/**
	 * The repair a plan calls for, not done yet.
	 * @param plan the plan, read under the lock when the repair is to be done
	 * @param tag the migration's tag
	 * @return the repair
	 * @throws IllegalArgumentException when the journal has no such tag
	 * @throws ValidationException when the migration is not {@link MigrationState#MODIFIED}
	 */
	static HashRepair of(Plan plan, String tag) {
		PlannedMigration planned = plan.migrations()
			.stream()
			.filter((migration) -> tag.equals(migration.tag()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No entry of meta/_journal.json in " + plan.location()
					+ " has the tag '" + tag + "'"));
		if (planned.state() != MigrationState.MODIFIED) {
			throw new ValidationException(List.of(tag + " is " + planned.state() + ", not MODIFIED: " + why(planned)),
					"Nothing was changed. Repair only replaces the recorded hash of a migration whose file was edited"
							+ " after it was applied.");
		}
		return new HashRepair(tag, planned.row().id(), planned.row().hash(), planned.hash(), false);
	}

	/** The same repair, done. */
	HashRepair done() {
		return new HashRepair(this.tag, this.rowId, this.recordedHash, this.fileHash, true);
	}

	private static String why(PlannedMigration planned) {
		return switch (planned.state()) {
			case APPLIED -> "its file's hash is the recorded one";
			case PENDING, OUT_OF_ORDER -> "it has no history row yet, so there is no hash to replace";
			default -> "it is not a journal entry";
		};
	}

}
