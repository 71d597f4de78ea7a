package dev.migrator.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineHasNoSpringTests {

	@Test
	void noEngineClassRefersToSpring() throws IOException {
		Path classes = Path.of("target/classes/dev/migrator/engine");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(classes)) {
			files = walk.filter((file) -> file.toString().endsWith(".class")).toList();
		}
		assertThat(files).hasSizeGreaterThan(10);
		for (Path file : files) {
			// a class file names every type it uses in its constant pool
			String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
			assertThat(bytes).as(file.getFileName().toString()).doesNotContain("org/springframework");
		}
	}

}
