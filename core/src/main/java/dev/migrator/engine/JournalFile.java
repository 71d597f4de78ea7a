package dev.migrator.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.math.BigDecimal;

/** Parses {@code meta/_journal.json} into entries and rejects duplicates and malformed entries. */
final class JournalFile {

	static final String PATH = "meta/_journal.json";

	private JournalFile() {
	}

	static List<JournalEntry> parse(MigrationSource source) {
		byte[] bytes;
		try {
			bytes = source.read(PATH)
				.orElseThrow(() -> new JournalException("No " + PATH + " in " + source.description()
						+ ", and no Drizzle 1.0 migration folders (<YYYYMMDDHHMMSS>_<name>/migration.sql)",
						"Point migrator.location at the folder drizzle-kit writes (its \"out\" folder), the one that"
								+ " holds meta/_journal.json or the migration folders."));
		}
		catch (IOException ex) {
			throw new JournalException("Cannot read " + PATH + " in " + source.description() + ": " + ex.getMessage(),
					"Check that the file is readable.", ex);
		}
		Object root;
		try {
			root = JsonReader.read(Journal.decode(PATH, bytes));
		}
		catch (IllegalArgumentException ex) {
			throw malformed(source, ex.getMessage(), ex);
		}
		if (!(root instanceof Map<?, ?> journal) || !(journal.get("entries") instanceof List<?> array)) {
			throw malformed(source, "it must be an object with an \"entries\" array", null);
		}
		String dialect = (journal.get("dialect") instanceof String given) ? given : "postgresql";
		if (!dialect.equals("postgresql") && !dialect.equals("pg")) {
			throw malformed(source, "its dialect is \"" + dialect + "\", and only postgresql is supported", null);
		}
		List<JournalEntry> entries = new ArrayList<>();
		Map<String, Integer> tags = new HashMap<>();
		Map<Long, Integer> whens = new HashMap<>();
		for (int position = 0; position < array.size(); position++) {
			JournalEntry entry = entry(source, position, array.get(position));
			Integer sameTag = tags.putIfAbsent(entry.tag(), position);
			if (sameTag != null) {
				throw duplicate(source, "tag \"" + entry.tag() + "\"", sameTag, position);
			}
			Integer sameWhen = whens.putIfAbsent(entry.when(), position);
			if (sameWhen != null) {
				throw duplicate(source, "when " + entry.when() + " (tags \"" + entries.get(sameWhen).tag() + "\" and \""
						+ entry.tag() + "\")", sameWhen, position);
			}
			entries.add(entry);
		}
		return entries;
	}

	private static JournalEntry entry(MigrationSource source, int position, Object node) {
		if (!(node instanceof Map<?, ?> entry)) {
			throw malformed(source, where(position, null) + " is not an object", null);
		}
		if (!(entry.get("tag") instanceof String tag) || tag.isBlank()) {
			throw malformed(source,
					where(position, null) + " needs a \"tag\": the file name without .sql, such as \"0000_init\"", null);
		}
		if (!isFileName(tag)) {
			throw malformed(source, where(position, null) + " has the tag \"" + tag.replace("\0", "\\u0000")
					+ "\", which is not a plain file name: a tag names <tag>.sql beside the journal, so it holds no '/', '\\', '..' or"
					+ " control characters", null);
		}
		Object whenValue = entry.get("when");
		Long when = whole(whenValue, 0, Long.MAX_VALUE);
		if (when == null) {
			throw malformed(source, where(position, tag)
					+ " needs a \"when\": a whole, non-negative number of epoch milliseconds ("
					+ ((whenValue == null) ? "it has none" : "was " + shown(whenValue)) + ")", null);
		}
		Object idx = entry.get("idx");
		Long index = whole(idx, Integer.MIN_VALUE, Integer.MAX_VALUE);
		if (idx != null && index == null) {
			throw malformed(source, where(position, tag) + " has an \"idx\" that is not a whole number", null);
		}
		if (index != null && index != position) {
			// drizzle-kit numbers entries 0, 1, 2, ...; a repeat or a gap is what a bad merge of two branches leaves
			throw new JournalException(PATH + " in " + source.description() + ": " + where(position, tag) + " has idx "
					+ index + " but is entry " + position + ": drizzle-kit numbers the entries 0, 1, 2, ... in order, so an idx"
					+ " that repeats or skips one means an entry was lost or two were given one number (often by a merge"
					+ " of two branches)", "Check that the journal lists every migration once, in the order they must run,"
					+ " then number the entries 0, 1, 2, ... (or merge, then let drizzle-kit generate the newer migration"
					+ " again).");
		}
		Object breakpoints = entry.get("breakpoints");
		return new JournalEntry((index == null) ? position : index.intValue(), when, tag,
				!(breakpoints instanceof Boolean flag) || flag);
	}

	/** An entry, for messages; built only for one (a thousand entries' names cost a cold JVM milliseconds). */
	private static String where(int position, String tag) {
		return "entry " + position + " of \"entries\"" + ((tag != null) ? " (tag \"" + tag + "\")" : "");
	}

	/** A JSON value as it was written, for messages. */
	private static String shown(Object value) {
		return (value instanceof String text) ? "\"" + text + "\"" : (value == JsonReader.NULL) ? "null"
				: (value instanceof BigDecimal number) ? number.toString() : String.valueOf(value);
	}

	/** A JSON number written as a whole number within the bounds, else {@code null}. */
	private static Long whole(Object value, long min, long max) {
		if (value instanceof Long number) {
			return (number >= min && number <= max) ? number : null;
		}
		if (!(value instanceof BigDecimal number) || number.scale() != 0) {
			return null;
		}
		try {
			long result = number.longValueExact();
			return (result >= min && result <= max) ? result : null;
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	/** Whether a tag names a file beside the journal, and nothing else. */
	private static boolean isFileName(String tag) {
		if (tag.contains("/") || tag.contains("\\") || tag.contains("..")) {
			return false;
		}
		for (int i = 0; i < tag.length(); i++) {
			if (Character.isISOControl(tag.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static JournalException duplicate(MigrationSource source, String what, int first, int second) {
		return new JournalException(
				PATH + " in " + source.description() + " has the same " + what + " in entries " + first + " and "
						+ second,
				"Give each entry its own tag and \"when\" (regenerate the newer migration with drizzle-kit generate, or"
						+ " edit its entry by hand if it was never applied).");
	}

	private static JournalException malformed(MigrationSource source, String detail, Throwable cause) {
		return new JournalException(PATH + " in " + source.description() + " is malformed: " + detail,
				"Fix the journal (drizzle-kit generate writes it) so that it is valid JSON in Drizzle Kit's format.",
				cause);
	}

}
