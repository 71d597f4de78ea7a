package dev.migrator.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
		try (Stream<Path> files = Files.walk(this.directory, 2)) {
			return files.filter(Files::isRegularFile)
				.map((file) -> this.directory.relativize(file).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
	}

	@Override
	public String description() {
		return this.description;
	}

}
