package dev.migrator.engine.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrator.engine.JournalException;

/**
 * Adds the next custom migration to a folder, as {@code drizzle-kit generate --custom --name=<name>} does, for teams
 * without Node. The folder's layout decides how:
 * <ol>
 * <li>{@code meta/_journal.json} (drizzle-kit 0.x), or a folder that is empty or missing: the next
 * {@code NNNN_<name>.sql}, its journal entry, and a snapshot where the folder keeps them ({@link JournalLayout});</li>
 * <li>{@code <YYYYMMDDHHMMSS>_<name>/migration.sql} folders (drizzle-kit 1.0): the next such folder, with a
 * {@code snapshot.json} where the newest folder has one ({@link FolderLayout});</li>
 * <li>anything else (loose {@code .sql} files, or both layouts) is refused, and nothing is written.</li>
 * </ol>
 * A new file is never written over an existing one; the journal is the one file re-written.
 */
public final class NewMigration {

	/** What drizzle-kit writes into a custom migration: where the SQL goes. */
	static final String HEADER = "-- Custom SQL migration file, put your code below! --";

	private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

	private NewMigration() {
	}

	/**
	 * Writes the next migration.
	 * @param folder the migrations folder; created when missing
	 * @param name the migration's name, snake_case
	 * @param now the time, for its {@code when} or folder timestamp
	 * @return the new SQL file and every file written
	 * @throws IllegalArgumentException when the name is not snake_case
	 * @throws JournalException when the folder cannot take a new migration; nothing was written
	 */
	public static Created create(Path folder, String name, Instant now) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("The migration name '" + name + "' is not snake_case: use lower-case"
					+ " letters, digits and _ only, such as add_users_email");
		}
		try {
			if (Files.isRegularFile(folder.resolve(JournalLayout.JOURNAL))) {
				if (!FolderLayout.folders(folder).isEmpty()) {
					throw new JournalException(folder + " holds both " + JournalLayout.JOURNAL + " and Drizzle 1.0"
							+ " migration folders, so the layout of a new migration is unclear",
							"Finish the upgrade with drizzle-kit up, or delete the folders that were not meant; then run"
									+ " again.");
				}
				return JournalLayout.add(folder, name, now);
			}
			if (!FolderLayout.folders(folder).isEmpty()) {
				return FolderLayout.add(folder, name, now);
			}
			List<String> loose = looseSql(folder);
			if (!loose.isEmpty()) {
				throw new JournalException(folder + " has .sql files (" + String.join(", ", loose) + ") but no "
						+ JournalLayout.JOURNAL + " and no migration folders, so it is not a Drizzle Kit folder",
						"Point --dir at the folder drizzle-kit writes (its \"out\" folder), or move the files away.");
			}
			return JournalLayout.add(folder, name, now);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not add a migration to " + folder + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> looseSql(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> children = Files.list(folder)) {
			return children.map((child) -> child.getFileName().toString())
				.filter((file) -> file.endsWith(".sql"))
				.sorted()
				.toList();
		}
	}

	/** Writes a file that must not exist yet. */
	static void writeNew(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE);
	}

	/**
	 * What was written.
	 *
	 * @param file the new migration's SQL file, to write the SQL into
	 * @param written every file created or re-written, the SQL file first
	 */
	public record Created(Path file, List<Path> written) {

		public Created {
			written = List.copyOf(written);
		}

	}

}
