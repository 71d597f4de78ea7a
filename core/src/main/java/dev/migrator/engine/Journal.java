package dev.migrator.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migrations of a folder, in journal order, read and checked before the database is touched.
 *
 * <p>Steps of {@link #read(MigrationSource, Policy.OnUnjournaled)}:
 * <ol>
 * <li>parse {@code meta/_journal.json} ({@link JournalFile}): entries, no duplicate tag or {@code when};</li>
 * <li>for each entry read {@code <tag>.sql}, hash its bytes (SHA-256), check they are UTF-8 and split them;</li>
 * <li>list the folder: a {@code .sql} file the journal does not name fails or warns, as the policy says; under
 * {@code auto} a leftover, whose {@code NNNN} number a journaled migration owns, warns and any other fails.</li>
 * </ol>
 *
 * @param location the folder, as configured
 * @param migrations the entries with their files, in journal order
 * @param warnings problems that the policy turned into warnings
 */
public record Journal(String location, List<Migration> migrations, List<String> warnings) {

	private static final Pattern NUMBERED = Pattern.compile("(\\d+)_");

	/**
	 * Reads and checks a migrations folder.
	 * @param source the folder
	 * @param onUnjournaled whether an unlisted {@code .sql} file fails or warns
	 * @return the journal
	 * @throws JournalException naming the file and entry of the first problem
	 */
	public static Journal read(MigrationSource source, Policy.OnUnjournaled onUnjournaled) {
		List<JournalEntry> entries = JournalFile.parse(source);
		List<Migration> migrations = new ArrayList<>();
		for (JournalEntry entry : entries) {
			byte[] bytes = readFile(source, entry);
			String text = decode(entry.fileName(), bytes);
			migrations.add(new Migration(entry, sha256(bytes), StatementSplitter.split(entry.fileName(), text)));
		}
		List<String> warnings = new ArrayList<>();
		Map<String, String> owners = new HashMap<>();
		entries.forEach((entry) -> owners.putIfAbsent(number(entry.fileName()), entry.fileName()));
		for (String file : unjournaled(source, entries)) {
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
		return new Journal(source.description(), List.copyOf(migrations), List.copyOf(warnings));
	}

	private static byte[] readFile(MigrationSource source, JournalEntry entry) {
		try {
			return source.read(entry.fileName())
				.orElseThrow(() -> new JournalException(
						"meta/_journal.json entry idx " + entry.idx() + " (tag \"" + entry.tag() + "\") has no file "
								+ entry.fileName() + " in " + source.description(),
						"Restore " + entry.fileName() + " (from version control) or remove the entry from the journal"
								+ " if the migration was never applied anywhere."));
		}
		catch (IOException ex) {
			throw new JournalException("Cannot read " + entry.fileName() + " in " + source.description() + ": "
					+ ex.getMessage(), "Check that the file is readable.", ex);
		}
	}

	/** The {@code NNNN} of {@code NNNN_name.sql} without leading zeros, or {@code null} for a file without one. */
	private static String number(String file) {
		Matcher matcher = NUMBERED.matcher(file);
		return matcher.lookingAt() ? matcher.group(1).replaceFirst("^0+(?=.)", "") : null;
	}

	private static Set<String> unjournaled(MigrationSource source, List<JournalEntry> entries) {
		Set<String> files;
		try {
			files = new LinkedHashSet<>(source.sqlFileNames());
		}
		catch (IOException ex) {
			throw new JournalException("Cannot list " + source.description() + ": " + ex.getMessage(),
					"Check that the migrations folder is readable.", ex);
		}
		entries.forEach((entry) -> files.remove(entry.fileName()));
		return files;
	}

	static String decode(String file, byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int offset = in.position();
			int line = 1;
			for (int i = 0; i < offset; i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			throw new JournalException(
					file + " is not valid UTF-8: byte " + offset + " (line " + line + ") is 0x"
							+ HexFormat.of().toHexDigits(bytes[offset]),
					"Save " + file + " as UTF-8 (PostgreSQL and Drizzle read migrations as UTF-8).");
		}
		decoder.flush(out);
		return out.flip().toString();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** Migrations by their {@code when}, for matching history rows. */
	Map<Long, Migration> byWhen() {
		Map<Long, Migration> byWhen = new HashMap<>();
		this.migrations.forEach((migration) -> byWhen.put(migration.entry().when(), migration));
		return byWhen;
	}

}
