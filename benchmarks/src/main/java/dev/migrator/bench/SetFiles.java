package dev.migrator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One migration set written in every tool's format, the same statements in the same order:
 * <ul>
 * <li>{@code drizzle/}: {@code meta/_journal.json} and {@code NNNN_name.sql} with drizzle-kit's breakpoints
 * (Migrator);</li>
 * <li>{@code flyway/}: {@code V1__name.sql} … (Flyway);</li>
 * <li>{@code liquibase/changelog.sql}: a formatted SQL changelog, one changeset per migration (Liquibase);</li>
 * <li>{@code psql/per-migration.sql}: each migration between {@code BEGIN} and {@code COMMIT}, and
 * {@code psql/single-transaction.sql}: all of them in one transaction (the floors; no history rows).</li>
 * </ul>
 */
record SetFiles(Path root, MigrationSet set) {

	/** The journal's first {@code when}; the entries follow a minute apart. */
	private static final long FIRST_WHEN = 1_700_000_000_000L;

	Path drizzle() {
		return this.root.resolve("drizzle");
	}

	Path flyway() {
		return this.root.resolve("flyway");
	}

	Path liquibase() {
		return this.root.resolve("liquibase");
	}

	Path psqlPerMigration() {
		return this.root.resolve("psql").resolve("per-migration.sql");
	}

	Path psqlSingleTransaction() {
		return this.root.resolve("psql").resolve("single-transaction.sql");
	}

	static SetFiles write(MigrationSet set, Path root) {
		SetFiles files = new SetFiles(root, set);
		try {
			Folders.deleteTree(root);
			files.writeDrizzle();
			files.writeFlyway();
			files.writeLiquibase();
			files.writePsql();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the migration set of " + set.size() + " into " + root
					+ ": " + ex.getMessage() + " (check the free space and permissions of that folder)", ex);
		}
		return files;
	}

	private void writeDrizzle() throws IOException {
		Files.createDirectories(drizzle().resolve("meta"));
		List<String> entries = new ArrayList<>();
		for (GeneratedMigration migration : this.set.migrations()) {
			// drizzle-kit puts the breakpoint right after the semicolon
			write(drizzle().resolve(migration.tag() + ".sql"),
					String.join("--> statement-breakpoint\n", migration.statements()) + "\n");
			entries.add("    {\"idx\": " + migration.number() + ", \"version\": \"7\", \"when\": "
					+ (FIRST_WHEN + 60_000L * migration.number()) + ", \"tag\": \"" + migration.tag()
					+ "\", \"breakpoints\": true}");
		}
		write(drizzle().resolve("meta").resolve("_journal.json"),
				"{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [\n"
						+ String.join(",\n", entries) + "\n  ]\n}\n");
	}

	private void writeFlyway() throws IOException {
		Files.createDirectories(flyway());
		for (GeneratedMigration migration : this.set.migrations()) {
			write(flyway().resolve("V" + (migration.number() + 1) + "__" + migration.name() + ".sql"), migration.sql());
		}
	}

	private void writeLiquibase() throws IOException {
		Files.createDirectories(liquibase());
		StringBuilder changelog = new StringBuilder("-- liquibase formatted sql\n");
		for (GeneratedMigration migration : this.set.migrations()) {
			changelog.append("\n-- changeset bench:").append(migration.tag()).append('\n').append(migration.sql());
		}
		write(liquibase().resolve("changelog.sql"), changelog.toString());
	}

	private void writePsql() throws IOException {
		Files.createDirectories(psqlPerMigration().getParent());
		StringBuilder perMigration = new StringBuilder();
		StringBuilder single = new StringBuilder("BEGIN;\n");
		for (GeneratedMigration migration : this.set.migrations()) {
			perMigration.append("BEGIN;\n").append(migration.sql()).append("COMMIT;\n");
			single.append(migration.sql());
		}
		write(psqlPerMigration(), perMigration.toString());
		write(psqlSingleTransaction(), single.append("COMMIT;\n").toString());
	}

	private static void write(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
