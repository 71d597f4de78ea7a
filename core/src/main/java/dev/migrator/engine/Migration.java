package dev.migrator.engine;

import java.util.List;
import java.util.Optional;

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

	/** Lets the split SQL of a file-backed migration go once it is applied (a later use reads the file again). */
	void releaseStatements() {
		if (this.statements instanceof FileStatements file) {
			file.release();
		}
	}

	/**
	 * The file's text as the lint needs it for its {@code migrator:allow} comments, kept from the split (empty for a
	 * file without one), or nothing for a migration whose statements were not split from a file here.
	 */
	public Optional<String> lintText() {
		return (this.statements instanceof FileStatements file) ? Optional.of(file.lintText()) : Optional.empty();
	}

	/** How the statements run: one transaction, autocommit, or several segments where the file controls them. */
	public List<Segment> segments() {
		return Segment.of(this.statements);
	}

	/** Whether the file holds top-level {@code BEGIN}/{@code COMMIT}/{@code ROLLBACK}, dividing it into segments. */
	public boolean segmented() {
		return this.statements.stream()
			.anyMatch((statement) -> statement.transactionControl() != SqlStatement.TransactionControl.NONE);
	}

	/** Whether the whole migration, with its history row, runs in one transaction. */
	public boolean transactional() {
		List<Segment> segments = segments();
		return segments.size() == 1 && segments.get(0).transactional() && !segments.get(0).rollback();
	}

	/** How the migration runs, as status reports show it. */
	public Execution execution() {
		return segmented() ? Execution.SEGMENTED : transactional() ? Execution.TRANSACTION : Execution.AUTOCOMMIT;
	}

	/**
	 * Statements that cannot run in a transaction block but would run inside one: such a migration is refused before
	 * anything runs.
	 */
	public List<SqlStatement> misplaced() {
		return segments().stream().flatMap((segment) -> segment.misplaced().stream()).toList();
	}

	/**
	 * Statements only psql can run ({@link SqlStatement#clientOnly()}): such a migration is refused before anything
	 * runs.
	 */
	public List<SqlStatement> clientOnly() {
		return this.statements.stream().filter((statement) -> statement.clientOnly() != null).toList();
	}

	/** How a migration runs. */
	public enum Execution {

		/** In one transaction together with its history row. */
		TRANSACTION,

		/** Statement by statement in autocommit ({@code CREATE INDEX CONCURRENTLY} and the like), then its row. */
		AUTOCOMMIT,

		/** In the segments its own {@code BEGIN}/{@code COMMIT} statements divide it into. */
		SEGMENTED

	}

}
