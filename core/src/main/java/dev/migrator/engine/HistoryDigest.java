package dev.migrator.engine;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The history table in one row, for the check with nothing to do: how many rows it has and a SHA-256 of all of them
 * in {@code id} order, computed by the server ({@link HistoryStore#digest}), so that an up-to-date check reads one
 * row instead of one per applied migration and skips the {@link Planner}.
 *
 * <p>It is compared with the digest of the rows the journal's migrations write when each is applied once, in
 * journal order. Equal means the history is exactly those rows, which the planner would match one to one (each
 * entry's {@code when}, or in the 1.0 layout its name, identifies it): every migration applied with its file's hash,
 * nothing pending, out of order, edited or unknown, and no row with a NULL. Anything else, or a history the planner
 * matches some other way (a 1.0 folder on a table without {@code name}, a journal folder on a table with it), is
 * not a match, and the run reads every row and plans as before: the digest only ever saves work.
 *
 * <p>A row's line is {@code <length of hash>:<hash>:<created_at>}, on a table with {@code name} followed by
 * {@code :<length of name>:<name>}, the lines joined by a newline. The lengths make every line end where it says:
 * no value, whatever it holds, reads as more or fewer rows than there are.
 *
 * @param named whether the table has drizzle-orm 1.0's {@code name} column
 * @param rows how many rows the table has
 * @param sha256 the hex SHA-256 of the lines, {@code null} for an empty table
 */
record HistoryDigest(boolean named, long rows, String sha256) {

	/** One row's line in SQL; {@link #expected} writes the same in Java. */
	static String lineSql(boolean named) {
		String line = "length(hash::text) || ':' || hash::text || ':' || created_at::text";
		return named ? line + " || ':' || length(name::text) || ':' || name::text" : line;
	}

	/**
	 * Whether the history is exactly the rows of the journal's migrations, each applied once in journal order.
	 * @param journal the journal, read and hashed
	 * @return {@code true} only when the plan would apply nothing and find no problem in the history
	 */
	boolean matches(Journal journal) {
		List<Migration> migrations = journal.migrations();
		if (this.sha256 == null || this.rows != migrations.size()) {
			return false;
		}
		// the planner matches a row by name where the table has names, else by created_at: with keys that are unique
		// across the journal, equal lines are a one-to-one match
		Journal.Layout keyed = this.named ? Journal.Layout.FOLDERS : Journal.Layout.JOURNAL;
		if (journal.layout() != keyed || !this.named && !distinctWhens(migrations)) {
			return false;
		}
		return this.sha256.equals(expected(migrations, this.named));
	}

	/** The digest of the lines the migrations' history rows hold, in order. */
	static String expected(List<Migration> migrations, boolean named) {
		StringBuilder lines = new StringBuilder(migrations.size() * (named ? 128 : 88));
		for (Migration migration : migrations) {
			if (lines.length() > 0) {
				lines.append('\n');
			}
			String hash = migration.hash();
			lines.append(hash.length()).append(':').append(hash).append(':').append(migration.entry().when());
			if (named) {
				String name = migration.entry().name();
				lines.append(':').append(name.codePointCount(0, name.length())).append(':').append(name);
			}
		}
		byte[] digest = FileHasher.sha256().digest(lines.toString().getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest);
	}

	private static boolean distinctWhens(List<Migration> migrations) {
		Set<Long> whens = new HashSet<>(migrations.size() * 2);
		for (Migration migration : migrations) {
			if (!whens.add(migration.entry().when())) {
				return false;
			}
		}
		return true;
	}

}
