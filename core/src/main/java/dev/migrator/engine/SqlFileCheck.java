package dev.migrator.engine;

/**
 * What a migration file's bytes must be before they are decoded and split: at most {@link #MAX_BYTES}, and text,
 * without NUL bytes. Both are checked when a file is read to be split, which only a migration about to run is (and
 * every file, for {@code check}), and refused, naming the file, before anything is applied. A file that is only
 * hashed is never held, so an applied file of any size (which Drizzle's runner may have applied) is not refused.
 *
 * <p>The size bound is there because a pending migration's text is held while it runs and each statement is sent in
 * one message: a file that large is a data load, which belongs in {@code COPY} or a one-shot job, not in a
 * migration. PostgreSQL refuses a NUL byte in any query text, and a text file holds none; a file full of them was
 * usually saved as UTF-16.
 */
final class SqlFileCheck {

	/** 16 MiB. */
	static final int MAX_BYTES = 16 * 1024 * 1024;

	private SqlFileCheck() {
	}

	/**
	 * Checks the size of a migration file read to be split.
	 * @param file the file name, for messages
	 * @param size its size in bytes
	 * @throws JournalException naming the file
	 */
	static void checkSize(String file, long size) {
		if (size > MAX_BYTES) {
			throw new JournalException(file + " is " + size + " bytes, more than the " + (MAX_BYTES >> 20)
					+ " MiB a migration file may hold",
					"Load bulk data outside the migrations (COPY in a one-shot job), or split " + file
							+ " into several migrations.");
		}
	}

	/**
	 * The error for a NUL byte, found when the file is decoded to be split (only files that are about to run, or that
	 * {@code check} reads): an applied file cannot hold one, as PostgreSQL would have refused it.
	 * @param file the file name
	 * @param bytes its bytes
	 * @param at the NUL byte's offset
	 */
	static JournalException nulByte(String file, byte[] bytes, int at) {
		return new JournalException(file + " holds a NUL byte at byte " + at + " (line " + lineOf(bytes, at)
				+ "), which no SQL text may hold: it is not a text file, or it was saved as UTF-16",
				"Save " + file + " as UTF-8 text (PostgreSQL and Drizzle read migrations as UTF-8).");
	}

	/**
	 * The 1-based line of a byte offset, for messages about a file's bytes: a line ends at {@code \n}, or at a
	 * {@code \r} that no {@code \n} follows, as {@link SqlSyntax#endsLine} counts lines in text.
	 */
	static int lineOf(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
				line++;
			}
		}
		return line;
	}

}
