package dev.migrator.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A migrations folder on the file system. */
final class DirectorySource implements MigrationSource {

	private final String description;

	private final Path directory;

	DirectorySource(String description, Path directory) {
		this.description = description;
		this.directory = directory;
	}

	@Override
	public Optional<byte[]> read(String relativePath) throws IOException {
		try {
			return Optional.of(Files.readAllBytes(this.directory.resolve(relativePath)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	@Override
	public List<String> files() throws IOException {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		List<String> files = new ArrayList<>();
		try (DirectoryStream<Path> children = Files.newDirectoryStream(this.directory)) {
			for (Path child : children) {
				String name = child.getFileName().toString();
				// a journal folder holds thousands of .sql files: taking them for files saves a stat call each (a
				// directory of that name fails, naming it, when it is read)
				if (name.endsWith(".sql")) {
					files.add(name);
				}
				else if (Files.isDirectory(child)) {
					try (DirectoryStream<Path> grandchildren = Files.newDirectoryStream(child)) {
						for (Path grandchild : grandchildren) {
							if (Files.isRegularFile(grandchild)) {
								files.add(name + "/" + grandchild.getFileName());
							}
						}
					}
				}
				else if (Files.isRegularFile(child)) {
					files.add(name);
				}
			}
		}
		Collections.sort(files);
		return files;
	}

	@Override
	public String description() {
		return this.description;
	}

}
