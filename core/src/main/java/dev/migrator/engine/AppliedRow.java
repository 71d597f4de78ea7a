package dev.migrator.engine;

import java.time.Instant;

/**
 * A row of the history table.
 *
 * @param id the row's serial id
 * @param hash the hash recorded when it was applied
 * @param createdAt the {@code when} it was applied for, or {@code null}
 * @param appliedAt when it was applied, where the table has that column and the row a value
 * @param name the migration's drizzle-orm 1.0 name, where the table has that column and the row a value
 */
public record AppliedRow(long id, String hash, Long createdAt, Instant appliedAt, String name) {

	/** A row of a table without the {@code name} column. */
	public AppliedRow(long id, String hash, Long createdAt, Instant appliedAt) {
		this(id, hash, createdAt, appliedAt, null);
	}

}
