package dev.migrator.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The folder the real drizzle-kit generated ({@code src/test/drizzle}, see its regenerate.sh). */
public final class DrizzleFixture {

	private DrizzleFixture() {
	}

	/** The fixture project: package.json, schema steps and node_modules once installed. */
	public static Path project() {
		Path project = Path.of("src/test/drizzle").toAbsolutePath();
		if (!Files.isDirectory(project)) {
			throw new IllegalStateException("Run the tests from the core module: no " + project);
		}
		return project;
	}

	/** The migrations folder drizzle-kit generated. */
	public static Path migrations() {
		return project().resolve("migrations");
	}

}
