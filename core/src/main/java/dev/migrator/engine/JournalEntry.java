package dev.migrator.engine;

/**
 * One entry of {@code meta/_journal.json}.
 *
 * @param idx the entry's {@code idx}
 * @param when epoch milliseconds; the identity Drizzle stores as {@code created_at}
 * @param tag file name without {@code .sql}
 * @param breakpoints the entry's {@code breakpoints} flag (Drizzle splits on the marker whatever it says)
 */
public record JournalEntry(int idx, long when, String tag, boolean breakpoints) {

	/** The file that holds the entry's SQL. */
	public String fileName() {
		return this.tag + ".sql";
	}

}
