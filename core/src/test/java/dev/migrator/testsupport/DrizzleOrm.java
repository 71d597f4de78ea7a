package dev.migrator.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrator.embedded.TestPostgres.TestDatabase;

/**
 * Drives the real drizzle-orm 0.45 migrator ({@code src/test/drizzle/migrate.mjs}) through {@code node}; see
 * {@link DrizzleProject#V0}.
 */
public final class DrizzleOrm {

	private DrizzleOrm() {
	}

	/** Skips the calling test when node is missing; installs the pinned npm packages once. */
	public static void ensureInstalled() {
		DrizzleProject.V0.ensureInstalled();
	}

	/**
	 * Runs drizzle-orm's {@code migrate()} on a database.
	 * @param database the database
	 * @param folder the migrations folder
	 * @return what the process printed
	 */
	public static String migrate(TestDatabase database, Path folder) {
		return DrizzleProject.V0.migrate(database, folder);
	}

	/**
	 * Copies the first entries of a migrations folder, with a journal that lists only them.
	 * @param folder the folder
	 * @param count how many entries to keep
	 * @param target where to write the copy
	 * @return the copy
	 */
	public static Path firstEntries(Path folder, int count, Path target) throws IOException {
		var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		var journal = (tools.jackson.databind.node.ObjectNode) mapper.readTree(folder.resolve("meta/_journal.json").toFile());
		var entries = (tools.jackson.databind.node.ArrayNode) journal.get("entries");
		while (entries.size() > count) {
			entries.remove(entries.size() - 1);
		}
		Files.createDirectories(target.resolve("meta"));
		for (var entry : entries) {
			String file = entry.get("tag").stringValue() + ".sql";
			Files.copy(folder.resolve(file), target.resolve(file));
		}
		Files.writeString(target.resolve("meta/_journal.json"), mapper.writeValueAsString(journal));
		return target;
	}

}
