package dev.migrator.engine.authoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.migrator.engine.JournalException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A new migration in drizzle-kit 1.0's layout, as {@code drizzle-kit generate --custom} (1.0.0-rc.5) writes it.
 * Steps:
 * <ol>
 * <li>name the folder {@code <YYYYMMDDHHMMSS>_<name>} by the UTC time to the second: now, or a second after the
 * newest folder's time when that is later (folders run in name order);</li>
 * <li>where the newest folder has a {@code snapshot.json}, write one that adds nothing:
 * {@code {"type": "diff", version and dialect of the newest, a new id, "prevIds": the ids no other snapshot names as
 * its previous, "footprints": [], "deltas": []}};</li>
 * <li>write {@code migration.sql} with drizzle-kit's header.</li>
 * </ol>
 */
final class FolderLayout {

	static final String FILE = "migration.sql";

	static final String SNAPSHOT = "snapshot.json";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private FolderLayout() {
	}

	/** The migration folders, by name (their order). */
	static List<String> folders(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> children = Files.list(folder)) {
			return children.filter((child) -> Files.isRegularFile(child.resolve(FILE)))
				.map((child) -> child.getFileName().toString())
				.sorted()
				.toList();
		}
	}

	static NewMigration.Created add(Path folder, String name, Instant now) throws IOException {
		List<String> folders = folders(folder);
		String newest = folders.get(folders.size() - 1);
		Instant time = now.truncatedTo(ChronoUnit.SECONDS);
		for (String existing : folders) {
			Instant after = timeOf(existing);
			if (after != null && !after.plusSeconds(1).isBefore(time)) {
				time = after.plusSeconds(1);
			}
		}
		Path migration = folder.resolve(TIME.format(time) + "_" + name);
		if (Files.exists(migration)) {
			throw new JournalException(migration + " already exists, so the migration cannot be added",
					"Wait a second and run again, or delete the folder if it is a leftover.");
		}
		ObjectNode snapshot = Files.isRegularFile(folder.resolve(newest).resolve(SNAPSHOT))
				? snapshot(folder, folders, newest) : null;
		Files.createDirectory(migration);
		List<Path> written = new ArrayList<>();
		try {
			NewMigration.writeNew(migration.resolve(FILE), NewMigration.HEADER);
			written.add(migration.resolve(FILE));
			if (snapshot != null) {
				NewMigration.writeNew(migration.resolve(SNAPSHOT), JsJson.stringify(snapshot));
				written.add(migration.resolve(SNAPSHOT));
			}
		}
		catch (IOException | RuntimeException ex) {
			for (Path file : written) {
				Files.deleteIfExists(file);
			}
			Files.deleteIfExists(migration);
			throw ex;
		}
		return new NewMigration.Created(migration.resolve(FILE), written);
	}

	/** A snapshot that changes nothing, after the snapshots that are no other's previous one (the leaves). */
	private static ObjectNode snapshot(Path folder, List<String> folders, String newest) throws IOException {
		List<String> ids = new ArrayList<>();
		Set<String> previous = new HashSet<>();
		JsonNode newestSnapshot = null;
		for (String name : folders) {
			Path file = folder.resolve(name).resolve(SNAPSHOT);
			if (Files.isRegularFile(file)) {
				JsonNode snapshot;
				try {
					snapshot = MAPPER.readTree(Files.readAllBytes(file));
				}
				catch (JacksonException ex) {
					throw new JournalException(file + " is not valid JSON (" + ex.getOriginalMessage() + "), so the new"
							+ " migration's snapshot cannot name it as its previous one",
							"Restore it from version control (drizzle-kit writes it), then run again.", ex);
				}
				ids.add(snapshot.path("id").asString(""));
				snapshot.path("prevIds").valueStream().forEach((id) -> previous.add(id.asString("")));
				newestSnapshot = name.equals(newest) ? snapshot : newestSnapshot;
			}
		}
		ObjectNode snapshot = MAPPER.createObjectNode()
			.put("type", "diff")
			.put("version", newestSnapshot.path("version").asString("9"))
			.put("dialect", newestSnapshot.path("dialect").asString("postgres"))
			.put("id", UUID.randomUUID().toString());
		ArrayNode prevIds = snapshot.putArray("prevIds");
		ids.stream().filter((id) -> !id.isEmpty() && !previous.contains(id)).forEach(prevIds::add);
		snapshot.putArray("footprints");
		snapshot.putArray("deltas");
		return snapshot;
	}

	/** The time a folder's name starts with, or {@code null} when it starts with none. */
	private static Instant timeOf(String folder) {
		if (folder.length() < 14 || !folder.substring(0, 14).chars().allMatch(Character::isDigit)) {
			return null;
		}
		try {
			return TIME.parse(folder.substring(0, 14), Instant::from);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
