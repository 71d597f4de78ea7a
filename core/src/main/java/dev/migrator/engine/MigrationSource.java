package dev.migrator.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Where the migrations folder lives. The journal and each migration file are read by name; the folder is listed to
 * find Drizzle 1.0's migration folders and files that no migration names.
 */
public interface MigrationSource {

	/**
	 * Reads a file of the folder.
	 * @param relativePath path below the folder, with {@code /} separators, such as {@code meta/_journal.json}
	 * @return its bytes, or empty when there is no such file
	 * @throws IOException when the file exists but cannot be read
	 */
	Optional<byte[]> read(String relativePath) throws IOException;

	/**
	 * Feeds a file of the folder to a digest; a source that can read a file in pieces does so without holding all of
	 * its bytes at once.
	 * @param relativePath path below the folder, as for {@link #read(String)}
	 * @param digest the digest to update
	 * @param buffer room for a piece, which the source may use
	 * @return the file's size in bytes, or {@code -1} when there is no such file (the digest is then unchanged)
	 * @throws IOException when the file exists but cannot be read
	 */
	default long digest(String relativePath, MessageDigest digest, byte[] buffer) throws IOException {
		Optional<byte[]> bytes = read(relativePath);
		if (bytes.isEmpty()) {
			return -1;
		}
		digest.update(bytes.get());
		return bytes.get().length;
	}

	/**
	 * The files in the folder and in its direct sub-folders, such as {@code 0000_init.sql},
	 * {@code meta/_journal.json} or {@code 20250101120000_init/migration.sql}.
	 * @return paths relative to the folder, with {@code /} separators, sorted; none when the folder does not exist
	 * @throws IOException when the folder cannot be listed
	 */
	List<String> files() throws IOException;

	/** The location as the user wrote it, for messages. */
	String description();

	/**
	 * The source for a location: {@code classpath:db/migrations}, {@code file:/srv/migrations} or a plain path.
	 * @param location the location
	 * @param classLoader loader for {@code classpath:} locations
	 * @return the source
	 */
	static MigrationSource of(String location, ClassLoader classLoader) {
		if (location.startsWith("classpath:")) {
			return new ClasspathSource(location, location.substring("classpath:".length()), classLoader);
		}
		String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
		return new DirectorySource(location, Path.of(path));
	}

}
