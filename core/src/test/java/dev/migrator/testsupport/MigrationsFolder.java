package dev.migrator.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a migrations folder in Drizzle Kit's layout for a test: {@code meta/_journal.json} and the files. */
public final class MigrationsFolder {

	/** The first {@code when} of a folder; each entry adds a second. */
	public static final long FIRST_WHEN = 1795640223747L;

	private final Path root;

	private final List<String> entries = new ArrayList<>();

	private MigrationsFolder(Path root) {
		this.root = root;
	}

	/** A new empty folder (with an empty journal) under the given directory. */
	public static MigrationsFolder in(Path directory) {
		MigrationsFolder folder = new MigrationsFolder(directory);
		folder.writeJournal();
		return folder;
	}

	/** Adds an entry with the next idx and {@code when}, and writes its file. */
	public MigrationsFolder add(String tag, String sql) {
		return add(tag, FIRST_WHEN + 1000L * this.entries.size(), sql.getBytes(StandardCharsets.UTF_8));
	}

	/** Adds an entry with the given {@code when}, and writes its file. */
	public MigrationsFolder add(String tag, long when, String sql) {
		return add(tag, when, sql.getBytes(StandardCharsets.UTF_8));
	}

	/** Adds an entry with the given {@code when}, and writes the file's exact bytes. */
	public MigrationsFolder add(String tag, long when, byte[] content) {
		addEntryOnly(tag, when);
		return writeFile(tag + ".sql", content);
	}

	/** Adds a journal entry without writing its file. */
	public MigrationsFolder addEntryOnly(String tag, long when) {
		this.entries.add("{\"idx\":" + this.entries.size() + ",\"version\":\"7\",\"when\":" + when + ",\"tag\":\"" + tag
				+ "\",\"breakpoints\":true}");
		writeJournal();
		return this;
	}

	/** Writes a file into the folder without touching the journal. */
	public MigrationsFolder writeFile(String relativePath, String content) {
		return writeFile(relativePath, content.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes a file's bytes into the folder without touching the journal. */
	public MigrationsFolder writeFile(String relativePath, byte[] content) {
		try {
			Path file = this.root.resolve(relativePath);
			Files.createDirectories(file.getParent());
			Files.write(file, content);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The folder. */
	public Path path() {
		return this.root;
	}

	/** The folder as a {@code file:} location. */
	public String location() {
		return "file:" + this.root.toAbsolutePath();
	}

	private void writeJournal() {
		writeFile("meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":["
				+ String.join(",", this.entries) + "]}");
	}

}
