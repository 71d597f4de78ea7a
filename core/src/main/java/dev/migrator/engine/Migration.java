package dev.migrator.engine;

import java.util.List;

/**
 * A journal entry with its file read, hashed and split.
 *
 * @param entry the journal entry
 * @param hash lowercase hex SHA-256 of the file's bytes, as Drizzle computes it
 * @param statements the file's statements in order
 */
public record Migration(JournalEntry entry, String hash, List<SqlStatement> statements) {

	public String tag() {
		return this.entry.tag();
	}

	/** Whether every statement may run in a transaction block. */
	public boolean transactional() {
		return this.statements.stream().noneMatch(SqlStatement::requiresAutocommit);
	}

	/** Whether transactional and non-transactional statements are mixed, which the executor refuses to run. */
	public boolean mixed() {
		return !transactional() && this.statements.stream().anyMatch((statement) -> !statement.requiresAutocommit());
	}

}
