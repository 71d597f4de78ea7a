package dev.migrator.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses {@code meta/_journal.json} into entries and rejects duplicates and malformed entries. */
final class JournalFile {

	static final String PATH = "meta/_journal.json";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

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
		JsonNode root;
		try {
			root = MAPPER.readTree(Journal.decode(PATH, bytes));
		}
		catch (JacksonException ex) {
			var at = ex.getLocation();
			throw malformed(source, (at == null ? "" : "at line " + at.getLineNr() + ":" + at.getColumnNr() + ": ")
					+ ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.isObject() || !root.path("entries").isArray()) {
			throw malformed(source, "it must be an object with an \"entries\" array", null);
		}
		String dialect = root.path("dialect").isString() ? root.path("dialect").stringValue() : "postgresql";
		if (!dialect.equals("postgresql") && !dialect.equals("pg")) {
			throw malformed(source, "its dialect is \"" + dialect + "\", and only postgresql is supported", null);
		}
		List<JournalEntry> entries = new ArrayList<>();
		Map<String, Integer> tags = new HashMap<>();
		Map<Long, Integer> whens = new HashMap<>();
		JsonNode array = root.get("entries");
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

	private static JournalEntry entry(MigrationSource source, int position, JsonNode node) {
		String where = "entry " + position + " of \"entries\"";
		if (!node.isObject()) {
			throw malformed(source, where + " is not an object", null);
		}
		JsonNode tag = node.path("tag");
		if (!tag.isString() || tag.stringValue().isBlank()) {
			throw malformed(source, where + " needs a \"tag\": the file name without .sql, such as \"0000_init\"", null);
		}
		if (!isFileName(tag.stringValue())) {
			throw malformed(source, where + " has the tag \"" + tag.stringValue().replace("\0", "\\u0000") + "\", which is"
					+ " not a plain file name: a tag names <tag>.sql beside the journal, so it holds no '/', '\\', '..' or"
					+ " control characters", null);
		}
		where = where + " (tag \"" + tag.stringValue() + "\")";
		JsonNode when = node.path("when");
		if (!when.isIntegralNumber() || !when.canConvertToLong() || when.longValue() < 0) {
			throw malformed(source, where + " needs a \"when\": a whole, non-negative number of epoch milliseconds ("
					+ (when.isMissingNode() ? "it has none" : "was " + when) + ")", null);
		}
		JsonNode idx = node.path("idx");
		if (!idx.isMissingNode() && (!idx.canConvertToInt() || !idx.isIntegralNumber())) {
			throw malformed(source, where + " has an \"idx\" that is not a whole number", null);
		}
		if (!idx.isMissingNode() && idx.intValue() != position) {
			// drizzle-kit numbers entries 0, 1, 2, ...; a repeat or a gap is what a bad merge of two branches leaves
			throw new JournalException(PATH + " in " + source.description() + ": " + where + " has idx " + idx.intValue()
					+ " but is entry " + position + ": drizzle-kit numbers the entries 0, 1, 2, ... in order, so an idx"
					+ " that repeats or skips one means an entry was lost or two were given one number (often by a merge"
					+ " of two branches)", "Check that the journal lists every migration once, in the order they must run,"
					+ " then number the entries 0, 1, 2, ... (or merge, then let drizzle-kit generate the newer migration"
					+ " again).");
		}
		JsonNode breakpoints = node.path("breakpoints");
		return new JournalEntry(idx.isMissingNode() ? position : idx.intValue(), when.longValue(), tag.stringValue(),
				!breakpoints.isBoolean() || breakpoints.booleanValue());
	}

	/** Whether a tag names a file beside the journal, and nothing else. */
	private static boolean isFileName(String tag) {
		return !tag.contains("/") && !tag.contains("\\") && !tag.contains("..")
				&& tag.chars().noneMatch(Character::isISOControl);
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
