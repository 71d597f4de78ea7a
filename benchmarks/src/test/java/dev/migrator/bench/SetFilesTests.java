package dev.migrator.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SetFilesTests {

	@TempDir
	Path dir;

	@Test
	void writesEveryFormatWithOneUnitPerMigration() throws Exception {
		MigrationSet set = MigrationSetGenerator.generate(40, 16);
		SetFiles files = SetFiles.write(set, this.dir.resolve("40"));
		GeneratedMigration first = set.migrations().get(0);
		String journal = Files.readString(files.drizzle().resolve("meta/_journal.json"));
		assertThat(journal).contains("\"tag\": \"" + first.tag() + "\"", "\"when\": 1700000000000",
				"\"when\": " + (1_700_000_000_000L + 39 * 60_000L));
		assertThat(Files.readString(files.drizzle().resolve(first.tag() + ".sql")))
			.isEqualTo(String.join("--> statement-breakpoint\n", first.statements()) + "\n");
		try (var flyway = Files.list(files.flyway())) {
			assertThat(flyway.map((path) -> path.getFileName().toString()))
				.hasSize(40)
				.contains("V1__" + first.name() + ".sql", "V40__" + set.migrations().get(39).name() + ".sql");
		}
		String changelog = Files.readString(files.liquibase().resolve("changelog.sql"));
		assertThat(changelog).startsWith("-- liquibase formatted sql\n");
		assertThat(changelog.split("\n-- changeset bench:", -1)).hasSize(41);
		String perMigration = Files.readString(files.psqlPerMigration());
		assertThat(perMigration.split("(?m)^BEGIN;$", -1)).hasSize(41);
		assertThat(perMigration.split("(?m)^COMMIT;$", -1)).hasSize(41);
		String single = Files.readString(files.psqlSingleTransaction());
		assertThat(single).startsWith("BEGIN;\n").endsWith("COMMIT;\n");
		assertThat(single.split("(?m)^BEGIN;$", -1)).hasSize(2);
	}

	@Test
	void rewritingReplacesAnEarlierSet() throws Exception {
		SetFiles.write(MigrationSetGenerator.generate(30, 16), this.dir.resolve("set"));
		SetFiles files = SetFiles.write(MigrationSetGenerator.generate(10, 16), this.dir.resolve("set"));
		try (var flyway = Files.list(files.flyway())) {
			assertThat(flyway).hasSize(10);
		}
	}

}
