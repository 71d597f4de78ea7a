package dev.migrator.engine;

/** Where a journal entry, or a history row, stands against the database. */
public enum MigrationState {

	/** A history row has the entry's {@code when} and the file's hash. */
	APPLIED,

	/** No history row has the entry's {@code when}, and it is newer than every applied entry. */
	PENDING,

	/** A history row has the entry's {@code when} but another hash: the file changed after it was applied. */
	MODIFIED,

	/** Not applied, but older than the newest applied entry; Drizzle's runner would skip it for good. */
	OUT_OF_ORDER,

	/** A history row that no journal entry matches, such as one written by a newer release. */
	UNKNOWN

}
