package dev.migrator.engine.check;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.migrator.engine.MigrationSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A part of a migrations folder, shown to the engine's {@code Journal.read} as if it were the whole folder: only the
 * listed files exist, some with replaced contents. The check reads one migration, or one unlisted file, at a time
 * this way, so that each refusal is the engine's own rule and message, and one broken file does not hide the next.
 */
final class FolderView implements MigrationSource {

	/** What a migration file holds when only the folder's structure is being checked: nothing to split. */
	private static final byte[] EMPTY = new byte[0];

	private final MigrationSource folder;

	private final List<String> files;

	private final Map<String, byte[]> replaced;

	private final Set<String> real;

	private final boolean othersEmpty;

	/**
	 * A view of the folder.
	 * @param folder the real folder
	 * @param files the files the view lists
	 * @param replaced files whose contents the view replaces (they need not exist)
	 * @param real files read from the real folder
	 * @param othersEmpty whether any other file reads as empty; else it does not exist
	 */
	FolderView(MigrationSource folder, List<String> files, Map<String, byte[]> replaced, Set<String> real,
			boolean othersEmpty) {
		this.folder = folder;
		this.files = List.copyOf(files);
		this.replaced = Map.copyOf(replaced);
		this.real = Set.copyOf(real);
		this.othersEmpty = othersEmpty;
	}

	/**
	 * The folder's structure: its listing and journal as they are, every other file empty. The entries' {@code idx}
	 * are renumbered 0, 1, 2, ... first: the engine refuses a journal whose idx skip or repeat, but the check reports
	 * that itself ({@link JournalRules}, at the entry's line) and goes on to the other rules.
	 */
	static FolderView structure(MigrationSource folder, List<String> files) {
		Map<String, byte[]> replaced = Map.of();
		try {
			byte[] journal = folder.read(JournalLines.PATH).orElse(null);
			JsonNode root = (journal != null) ? CheckJson.MAPPER.readTree(journal) : null;
			if (root != null && root.path("entries").isArray()) {
				int position = 0;
				for (JsonNode entry : root.get("entries")) {
					if (entry instanceof ObjectNode object && object.has("idx")) {
						object.put("idx", position);
					}
					position++;
				}
				replaced = Map.of(JournalLines.PATH, CheckJson.MAPPER.writeValueAsBytes(root));
			}
		}
		catch (IOException | JacksonException ex) {
			// the engine reads the journal as it is, and names what is wrong with it
		}
		return new FolderView(folder, files, replaced, Set.of(JournalLines.PATH), true);
	}

	@Override
	public Optional<byte[]> read(String relativePath) throws IOException {
		byte[] bytes = this.replaced.get(relativePath);
		if (bytes != null) {
			return Optional.of(bytes);
		}
		if (this.real.contains(relativePath)) {
			return this.folder.read(relativePath);
		}
		return this.othersEmpty ? Optional.of(EMPTY) : Optional.empty();
	}

	@Override
	public List<String> files() {
		return this.files;
	}

	@Override
	public String description() {
		return this.folder.description();
	}

}
