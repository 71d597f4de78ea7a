package dev.migrator.engine;

/**
 * One migration of the folder: an entry of {@code meta/_journal.json} (drizzle-kit 0.x) or a
 * {@code <YYYYMMDDHHMMSS>_<name>/} folder (drizzle-kit 1.0).
 *
 * @param idx the entry's {@code idx}, or the folder's position in name order
 * @param when epoch milliseconds: the journal's {@code when}, or the folder name's timestamp; the identity Drizzle
 * stores as {@code created_at}
 * @param tag the journal tag, or the folder name
 * @param breakpoints the entry's {@code breakpoints} flag (Drizzle splits on the marker whatever it says)
 * @param fileName the file that holds the SQL, relative to the folder: {@code <tag>.sql} or
 * {@code <folder>/migration.sql}
 * @param name the identity drizzle-orm 1.0 stores as {@code name}: the folder name, or for a journal entry the name
 * {@code drizzle-kit up} gives its folder ({@code null} here, worked out from {@code when} and {@code tag} when asked:
 * only a drizzle-orm 1.0 history needs it, and a thousand entries' names cost a cold JVM milliseconds)
 */
public record JournalEntry(int idx, long when, String tag, boolean breakpoints, String fileName, String name) {

	/** A journal entry of drizzle-kit 0.x, with its file {@code <tag>.sql}. */
	public JournalEntry(int idx, long when, String tag, boolean breakpoints) {
		this(idx, when, tag, breakpoints, tag + ".sql", null);
	}

	@Override
	public String name() {
		return (this.name != null) ? this.name : MigrationFolders.upgradedName(this.when, this.tag);
	}

}
