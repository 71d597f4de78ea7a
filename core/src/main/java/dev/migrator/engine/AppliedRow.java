package dev.migrator.engine;

import java.time.Instant;

/**
 * A row of the history table.
 *
 * @param id the row's serial id
 * @param hash the hash recorded when it was applied
 * @param createdAt the journal {@code when} it was applied for, or {@code null}
 * @param appliedAt when it was applied, where the table has that column and the row a value
 */
public record AppliedRow(long id, String hash, Long createdAt, Instant appliedAt) {
}
