package dev.migrator.testsupport;

import java.nio.file.Path;

/** The folder the real drizzle-kit generated ({@code src/test/drizzle}, see its regenerate.sh). */
public final class DrizzleFixture {

	private DrizzleFixture() {
	}

	/**
	 * The fixture project: package.json, schema steps and node_modules once installed. Found from the core module
	 * and from its sibling modules (the fixture is not packaged in the test-jar).
	 */
	public static Path project() {
		return DrizzleProject.V0.project();
	}

	/** The migrations folder drizzle-kit generated. */
	public static Path migrations() {
		return project().resolve("migrations");
	}

}
