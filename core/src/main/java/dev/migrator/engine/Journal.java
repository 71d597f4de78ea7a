package dev.migrator.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The migrations of a folder, in order, read and checked before the database is touched.
 *
 * <p>Steps of {@link #read(MigrationSource, Policy.OnUnjournaled)}:
 * <ol>
 * <li>list the folder and tell its layout: {@code meta/_journal.json} (drizzle-kit 0.x, parsed by
 * {@link JournalFile}: entries, no duplicate tag or {@code when}) or {@code <YYYYMMDDHHMMSS>_<name>/migration.sql}
 * folders (drizzle-kit 1.0, {@link MigrationFolders}); both at once is an error;</li>
 * <li>for each migration read its file and hash its bytes (SHA-256), several files at once; decoding (UTF-8 is
 * checked) and splitting wait until a migration's statements are needed ({@link FileStatements}), so that only the
 * migrations that will run are ever split ({@link #verify()} splits them all, for checks);</li>
 * <li>a file no migration names fails or warns, as the policy says: a {@code .sql} file the journal does not list
 * (under {@code auto} a leftover, whose {@code NNNN} number a journaled migration owns, only warns), or in the 1.0
 * layout a {@code .sql} file beside the folders or a folder without {@code migration.sql}.</li>
 * </ol>
 *
 * @param location the folder, as configured
 * @param layout the folder's layout
 * @param migrations the migrations with their files, in order
 * @param warnings problems that the policy turned into warnings
 */
public record Journal(String location, Layout layout, List<Migration> migrations, List<String> warnings) {

	/** A journal-layout folder. */
	public Journal(String location, List<Migration> migrations, List<String> warnings) {
		this(location, Layout.JOURNAL, migrations, warnings);
	}

	/**
	 * Reads and checks a migrations folder.
	 * @param source the folder
	 * @param onUnjournaled whether a file no migration names fails or warns
	 * @return the journal
	 * @throws JournalException naming the file and entry of the first problem
	 */
	public static Journal read(MigrationSource source, Policy.OnUnjournaled onUnjournaled) {
		List<String> files = list(source);
		List<String> folders = MigrationFolders.folders(files);
		Layout layout = folders.isEmpty() ? Layout.JOURNAL : Layout.FOLDERS;
		if (layout == Layout.FOLDERS && files.contains(JournalFile.PATH)) {
			throw new JournalException(source.description() + " holds both " + JournalFile.PATH + " (drizzle-kit 0.x)"
					+ " and Drizzle 1.0 migration folders (such as " + folders.get(0) + "/)",
					"Finish the upgrade with drizzle-kit up, which moves the journal's migrations into folders and"
							+ " deletes meta/; or, if the folders were not meant, delete them.");
		}
		List<JournalEntry> entries = (layout == Layout.JOURNAL) ? JournalFile.parse(source)
				: MigrationFolders.entries(source.description(), folders);
		List<Migration> migrations = FileHasher.hashAll(source, entries);
		List<String> warnings = new ArrayList<>();
		if (layout == Layout.JOURNAL) {
			checkUnjournaled(source, files, entries, onUnjournaled, warnings);
		}
		else {
			checkStrays(source, files, onUnjournaled, warnings);
		}
		return new Journal(source.description(), layout, List.copyOf(migrations), List.copyOf(warnings));
	}

	private static void checkUnjournaled(MigrationSource source, List<String> files, List<JournalEntry> entries,
			Policy.OnUnjournaled onUnjournaled, List<String> warnings) {
		Set<String> unjournaled = unjournaled(files, entries);
		if (unjournaled.isEmpty()) {
			return;
		}
		Map<String, String> owners = new HashMap<>();
		entries.forEach((entry) -> owners.putIfAbsent(number(entry.fileName()), entry.fileName()));
		for (String file : unjournaled) {
			String owner = owners.get(number(file));
			if (owner != null && onUnjournaled == Policy.OnUnjournaled.AUTO) {
				warnings.add(file + " is in " + source.description() + " but meta/_journal.json does not list it; its"
						+ " number belongs to the journaled " + owner + ", so it looks like a leftover of a regenerate or"
						+ " merge, and it never runs (Drizzle ignores it too): delete it if nothing needs it");
				continue;
			}
			String problem = file + " is in " + source.description() + " but meta/_journal.json does not list it,"
					+ " so it would never run";
			if (onUnjournaled != Policy.OnUnjournaled.WARN) {
				throw new JournalException(problem,
						"Add it to meta/_journal.json (drizzle-kit generate does that; by hand, add an entry with the next"
								+ " idx, a newer \"when\" and \"tag\": \"" + file.replaceFirst("\\.sql$", "")
								+ "\"), or delete it. To only warn, set migrator.on-unjournaled=warn.");
			}
			warnings.add(problem);
		}
	}

	private static void checkStrays(MigrationSource source, List<String> files, Policy.OnUnjournaled onUnjournaled,
			List<String> warnings) {
		for (String stray : MigrationFolders.strays(files)) {
			String problem = stray.endsWith("/")
					? "Folder " + stray + " in " + source.description() + " has no " + MigrationFolders.FILE
							+ ", so it is not a migration and nothing in it runs"
					: stray + " is in " + source.description() + " outside any migration folder, so it would never run";
			if (onUnjournaled != Policy.OnUnjournaled.WARN) {
				throw new JournalException(problem, "Put the SQL in <YYYYMMDDHHMMSS>_<name>/" + MigrationFolders.FILE
						+ " (drizzle-kit generate --custom makes one), or delete " + stray
						+ ". To only warn, set migrator.on-unjournaled=warn.");
			}
			warnings.add(problem);
		}
	}

	/**
	 * Reads and splits every migration's file now, rather than when it is about to run.
	 * @return this journal
	 * @throws JournalException for the first file that is not UTF-8 or has an unclosed string, comment or dollar quote
	 */
	public Journal verify() {
		this.migrations.forEach((migration) -> migration.statements().size());
		return this;
	}

	static byte[] readFile(MigrationSource source, JournalEntry entry) {
		try {
			return source.read(entry.fileName()).orElseThrow(() -> missingFile(source, entry));
		}
		catch (IOException ex) {
			throw cannotRead(source, entry, ex);
		}
	}

	private static JournalException cannotRead(MigrationSource source, JournalEntry entry, IOException ex) {
		return new JournalException("Cannot read " + entry.fileName() + " in " + source.description() + ": "
				+ ex.getMessage(), "Check that the file is readable.", ex);
	}

	/**
	 * Feeds an entry's file to a digest, with the errors of {@link #readFile}.
	 */
	static void digestFile(MigrationSource source, JournalEntry entry, MessageDigest digest, byte[] buffer) {
		try {
			if (source.digest(entry.fileName(), digest, buffer) < 0) {
				throw missingFile(source, entry);
			}
		}
		catch (IOException ex) {
			throw cannotRead(source, entry, ex);
		}
	}

	/**
	 * The error for a journal entry whose file is not in the source.
	 * @param source where the file was looked for
	 * @param entry the entry, with its own idx
	 * @return the error, naming the entry and the file
	 */
	public static JournalException missingFile(MigrationSource source, JournalEntry entry) {
		return new JournalException("meta/_journal.json entry idx " + entry.idx() + " (tag \"" + entry.tag()
				+ "\") has no file " + entry.fileName() + " in " + source.description(),
				"Restore " + entry.fileName() + " (from version control) or remove the entry from the journal if the"
						+ " migration was never applied anywhere.");
	}

	/** The {@code NNNN} of {@code NNNN_name.sql} without leading zeros, or {@code null} for a file without one. */
	private static String number(String file) {
		int digits = 0;
		while (digits < file.length() && file.charAt(digits) >= '0' && file.charAt(digits) <= '9') {
			digits++;
		}
		if (digits == 0 || digits == file.length() || file.charAt(digits) != '_') {
			return null;
		}
		int first = 0;
		while (first < digits - 1 && file.charAt(first) == '0') {
			first++;
		}
		return file.substring(first, digits);
	}

	private static List<String> list(MigrationSource source) {
		try {
			return source.files();
		}
		catch (IOException ex) {
			throw new JournalException("Cannot list " + source.description() + ": " + ex.getMessage(),
					"Check that the migrations folder is readable.", ex);
		}
	}

	/** The {@code .sql} files directly in the folder that no journal entry names. */
	private static Set<String> unjournaled(List<String> files, List<JournalEntry> entries) {
		Set<String> sql = new LinkedHashSet<>();
		for (String file : files) {
			if (file.indexOf('/') < 0 && file.endsWith(".sql")) {
				sql.add(file);
			}
		}
		for (JournalEntry entry : entries) {
			sql.remove(entry.fileName());
		}
		return sql;
	}

	/**
	 * A file's text.
	 * @throws JournalException naming the file when it holds a NUL byte or is not UTF-8
	 */
	static String decode(String file, byte[] bytes) {
		// the common case in two of the JDK's own scans, where a byte loop here would run interpreted in a cold JVM:
		// its decoder puts U+FFFD in place of a malformed sequence, so a text with neither that nor NUL is the file's
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.indexOf('\0') < 0 && text.indexOf('\uFFFD') < 0) {
			return text;
		}
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				throw SqlFileCheck.nulByte(file, bytes, i);
			}
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int offset = in.position();
			throw new JournalException(
					file + " is not valid UTF-8: byte " + offset + " (line " + SqlFileCheck.lineOf(bytes, offset)
							+ ") is 0x" + HexFormat.of().toHexDigits(bytes[offset]),
					"Save " + file + " as UTF-8 (PostgreSQL and Drizzle read migrations as UTF-8).");
		}
		decoder.flush(out);
		return out.flip().toString();
	}

	/** Migrations by their {@code when}, for matching history rows. */
	Map<Long, Migration> byWhen() {
		Map<Long, Migration> byWhen = new HashMap<>();
		this.migrations.forEach((migration) -> byWhen.putIfAbsent(migration.entry().when(), migration));
		return byWhen;
	}

	/** Migrations by their drizzle-orm 1.0 name, for matching history rows that have one. */
	Map<String, Migration> byName() {
		Map<String, Migration> byName = new HashMap<>();
		this.migrations.forEach((migration) -> byName.putIfAbsent(migration.entry().name(), migration));
		return byName;
	}

	/** How a migrations folder is laid out. */
	public enum Layout {

		/** drizzle-kit 0.x: {@code meta/_journal.json} lists {@code NNNN_name.sql} files. */
		JOURNAL,

		/** drizzle-kit 1.0: one {@code <YYYYMMDDHHMMSS>_<name>/migration.sql} folder per migration. */
		FOLDERS

	}

}
