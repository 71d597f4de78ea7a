package dev.migrator.engine;

import java.time.Instant;

/**
 * A journal entry with its state, or a history row no entry matches ({@link MigrationState#UNKNOWN}).
 *
 * @param migration the entry with its file; {@code null} for an unknown row
 * @param state where it stands
 * @param row its history row; {@code null} when it was never applied
 */
public record PlannedMigration(Migration migration, MigrationState state, AppliedRow row) {

	/** The entry's {@code idx}, or {@code null} for an unknown row. */
	public Integer idx() {
		return (this.migration != null) ? this.migration.entry().idx() : null;
	}

	/** The entry's tag, or {@code null} for an unknown row. */
	public String tag() {
		return (this.migration != null) ? this.migration.tag() : null;
	}

	/** The entry's {@code when}, or the row's {@code created_at} for an unknown row. */
	public Long when() {
		return (this.migration != null) ? Long.valueOf(this.migration.entry().when()) : this.row.createdAt();
	}

	/** The file's hash, or the recorded hash for an unknown row. */
	public String hash() {
		return (this.migration != null) ? this.migration.hash() : this.row.hash();
	}

	/** The recorded hash where it differs from the file's ({@link MigrationState#MODIFIED}), else {@code null}. */
	public String appliedHash() {
		return (this.state == MigrationState.MODIFIED) ? this.row.hash() : null;
	}

	/**
	 * How the entry will run, or {@code null} for an applied one or an unknown row (an applied file is never split
	 * again, so that a status read stays cheap).
	 */
	public Migration.Execution execution() {
		return (this.migration != null && this.row == null) ? this.migration.execution() : null;
	}

	/** When it was applied, where the database knows. */
	public Instant appliedAt() {
		return (this.row != null) ? this.row.appliedAt() : null;
	}

}
