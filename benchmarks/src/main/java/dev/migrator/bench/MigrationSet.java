package dev.migrator.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A generated, deterministic migration set: the same {@code seed} and size always give the same statements, and a
 * smaller set is a prefix of a larger one with the same seed.
 * @param seed the seed it was generated from
 * @param migrations the migrations, in order
 * @param tables how many tables the whole set creates (each tool's run is checked against it)
 */
record MigrationSet(long seed, List<GeneratedMigration> migrations, int tables) {

	int size() {
		return this.migrations.size();
	}

	/** Total size of the SQL, in bytes of UTF-8. */
	long sqlBytes() {
		return this.migrations.stream()
			.mapToLong((migration) -> migration.sql().getBytes(StandardCharsets.UTF_8).length)
			.sum();
	}

}
