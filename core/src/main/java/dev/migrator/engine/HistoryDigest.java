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
 * no value, whatever it holds, reads as more or fewer rows than there are. Only a table whose {@code id} and
 * {@code created_at} are integers and whose {@code hash} and {@code name} are text is digested (a number's text is
 * then the number, and a text's its value); any other is read, and refused naming its columns.
 *
 * @param named whether the table has drizzle-orm 1.0's {@code name} column
 * @param rows how many rows the table has
 * @param sha256 the hex SHA-256 of the lines, {@code null} for an empty table
 */
record HistoryDigest(boolean named, long rows, String sha256) {

	/** A digest that matches no journal: the rows are to be read. */
	static final HistoryDigest NONE = new HistoryDigest(false, -1, null);

	/**
	 * One row's line in SQL; {@link #expected} writes the same in Java. Lengths are counted in UTF-8 bytes, on both
	 * sides the same whatever the server's encoding.
	 */
	static String lineSql(boolean named) {
		String line = "octet_length(convert_to(hash::text, 'UTF8')) || ':' || hash::text || ':' || created_at::text";
		return named ? line + " || ':' || octet_length(convert_to(name::text, 'UTF8')) || ':' || name::text" : line;
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
		// the planner matches a row by name where the table has names, else by created_at, and keeps what it matched
		// by tag: with keys and tags that are unique across the journal, equal lines are a one-to-one match
		Journal.Layout keyed = this.named ? Journal.Layout.FOLDERS : Journal.Layout.JOURNAL;
		if (journal.layout() != keyed || !distinct(migrations, this.named)) {
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
			lines.append(utf8Length(hash)).append(':').append(hash).append(':').append(migration.entry().when());
			if (named) {
				String name = migration.entry().name();
				lines.append(':').append(utf8Length(name)).append(':').append(name);
			}
		}
		byte[] digest = Sha256.newDigest().digest(lines.toString().getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest);
	}

	private static int utf8Length(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return text.getBytes(StandardCharsets.UTF_8).length;
			}
		}
		return text.length();
	}

	/** Whether no two migrations share a tag, nor the key rows are matched by: the name, or the {@code when}. */
	private static boolean distinct(List<Migration> migrations, boolean named) {
		Set<String> tags = new HashSet<>(migrations.size() * 2);
		Set<Object> keys = new HashSet<>(migrations.size() * 2);
		for (Migration migration : migrations) {
			Object key = named ? migration.entry().name() : (Object) migration.entry().when();
			if (!tags.add(migration.tag()) || !keys.add(key)) {
				return false;
			}
		}
		return true;
	}

}
