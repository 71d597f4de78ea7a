package dev.migrator.engine.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.migrator.engine.JournalException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A new migration in drizzle-kit 0.x's layout, as {@code drizzle-kit generate --custom} writes it. Steps:
 * <ol>
 * <li>read {@code meta/_journal.json} (or start {@code {"version":"7","dialect":"postgresql","entries":[]}});</li>
 * <li>number it after the last entry's {@code idx}; its {@code when} is now, or the newest {@code when} + 1 ms when
 * that is later (an older {@code when} would make Drizzle skip it);</li>
 * <li>where {@code meta/} holds snapshots, copy the last one with a new {@code id}, {@code prevId} = its {@code id}
 * and an empty {@code _meta} (renames belong to the migration that made them), as {@code meta/NNNN_snapshot.json};</li>
 * <li>write {@code NNNN_<name>.sql} with drizzle-kit's header, the snapshot, then the journal with the entry appended,
 * all in drizzle-kit's JSON formatting ({@link JsJson}), so a later drizzle-kit run changes only what it adds.</li>
 * </ol>
 */
final class JournalLayout {

	static final String JOURNAL = "meta/_journal.json";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private JournalLayout() {
	}

	static NewMigration.Created add(Path folder, String name, Instant now) throws IOException {
		Path journalFile = folder.resolve(JOURNAL);
		ObjectNode journal = Files.exists(journalFile) ? read(journalFile) : fresh();
		ArrayNode entries = (ArrayNode) journal.get("entries");
		JsonNode last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
		int idx = (last != null && last.path("idx").canConvertToInt()) ? last.path("idx").intValue() + 1 : entries.size();
		long newest = entries.valueStream().mapToLong((entry) -> entry.path("when").asLong(0)).max().orElse(0);
		String prefix = prefix(last, idx, now);
		String tag = prefix + "_" + name;
		Path sql = folder.resolve(tag + ".sql");
		Path previous = lastSnapshot(journalFile.getParent());
		ObjectNode snapshot = (previous != null) ? custom(read(previous)) : null;
		Path snapshotFile = journalFile.resolveSibling(prefix + "_snapshot.json");
		for (Path target : (snapshot != null) ? List.of(sql, snapshotFile) : List.of(sql)) {
			if (Files.exists(target)) {
				throw new JournalException(target + " already exists, so migration " + idx + " cannot be added",
						"Delete or rename it if it is a leftover (migrator check tells), then run again.");
			}
		}
		entries.addObject()
			.put("idx", idx)
			.put("version", (snapshot != null && snapshot.path("version").isString())
					? snapshot.path("version").stringValue() : "7")
			.put("when", Math.max(now.toEpochMilli(), newest + 1))
			.put("tag", tag)
			// as the folder's last entry has it (drizzle.config's breakpoints), else drizzle-kit's default
			.put("breakpoints", last == null || !last.path("breakpoints").isBoolean()
					|| last.path("breakpoints").booleanValue());
		List<Path> written = new ArrayList<>();
		try {
			NewMigration.writeNew(sql, NewMigration.HEADER);
			written.add(sql);
			if (snapshot != null) {
				NewMigration.writeNew(snapshotFile, JsJson.stringify(snapshot));
				written.add(snapshotFile);
			}
			replace(journalFile, JsJson.stringify(journal));
			written.add(journalFile);
		}
		catch (IOException | RuntimeException ex) {
			for (Path file : written) {
				Files.deleteIfExists(file);
			}
			throw ex;
		}
		return new NewMigration.Created(sql, written);
	}

	/**
	 * The new tag's prefix in the style of the journal's last tag, as drizzle-kit's {@code migrations.prefix} writes
	 * it: {@code timestamp} (or {@code supabase}) as the UTC time {@code YYYYMMDDHHMMSS}, {@code unix} as epoch seconds,
	 * else {@code index}, the entry's number in four digits.
	 */
	static String prefix(JsonNode last, int idx, Instant now) {
		String tag = (last != null && last.path("tag").isString()) ? last.path("tag").stringValue() : "";
		int underscore = tag.indexOf('_');
		String previous = (underscore > 0) ? tag.substring(0, underscore) : "";
		boolean digits = !previous.isEmpty() && previous.chars().allMatch((c) -> c >= '0' && c <= '9');
		if (digits && previous.length() == 14) {
			return TIMESTAMP.format(now);
		}
		if (digits && previous.length() == 10) {
			return Long.toString(now.getEpochSecond());
		}
		return String.format("%04d", idx);
	}

	private static ObjectNode fresh() {
		ObjectNode journal = MAPPER.createObjectNode().put("version", "7").put("dialect", "postgresql");
		journal.putArray("entries");
		return journal;
	}

	private static ObjectNode read(Path file) throws IOException {
		JsonNode root;
		try {
			root = MAPPER.readTree(Files.readAllBytes(file));
		}
		catch (JacksonException ex) {
			var at = ex.getLocation();
			throw new JournalException(file + " is malformed" + ((at == null) ? "" : " at line " + at.getLineNr() + ":"
					+ at.getColumnNr()) + ": " + ex.getOriginalMessage() + ", so no migration was added",
					"Fix the JSON (drizzle-kit writes it), then run again.", ex);
		}
		if (root == null || !root.isObject() || (file.endsWith(JOURNAL) && !root.path("entries").isArray())) {
			throw new JournalException(file + " is malformed: it must be an object" + (file.endsWith(JOURNAL)
					? " with an \"entries\" array" : "") + ", so no migration was added",
					"Fix the JSON (drizzle-kit writes it), then run again.");
		}
		return (ObjectNode) root;
	}

	/** The snapshot of a custom migration: the previous one, with a new id after it and no renames. */
	private static ObjectNode custom(ObjectNode previous) {
		ObjectNode custom = MAPPER.createObjectNode();
		custom.put("id", UUID.randomUUID().toString());
		custom.set("prevId", previous.get("id"));
		previous.properties().forEach((property) -> {
			if (!property.getKey().equals("id") && !property.getKey().equals("prevId")) {
				custom.set(property.getKey(), property.getValue());
			}
		});
		if (custom.has("_meta")) {
			ObjectNode meta = custom.putObject("_meta");
			meta.putObject("columns");
			meta.putObject("schemas");
			meta.putObject("tables");
		}
		return custom;
	}

	/** The snapshot drizzle-kit starts from: the last file of {@code meta/} by name, leaving out {@code _journal}. */
	private static Path lastSnapshot(Path meta) throws IOException {
		if (!Files.isDirectory(meta)) {
			return null;
		}
		try (Stream<Path> files = Files.list(meta)) {
			return files.filter((file) -> !file.getFileName().toString().startsWith("_"))
				.filter((file) -> file.getFileName().toString().endsWith("_snapshot.json"))
				.max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
				.orElse(null);
		}
	}

	/** Re-writes a file through a temporary sibling, so a failed write leaves the old one. */
	private static void replace(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Path temporary = Files.createTempFile(file.getParent(), "_journal", ".tmp");
		try {
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
