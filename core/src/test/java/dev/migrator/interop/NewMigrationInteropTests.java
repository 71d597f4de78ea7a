package dev.migrator.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.migrator.engine.authoring.NewMigration;
import dev.migrator.testsupport.DrizzleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrator new} against the real drizzle-kit (0.31 and 1.0.0-rc.5): what it writes equals what
 * {@code drizzle-kit generate --custom} writes for the same migration, and drizzle-kit keeps working on the folder.
 */
class NewMigrationInteropTests {

	private static final Path SAMPLE = DrizzleProject.V0.project()
		.resolve("../../../../sample-app/src/main/resources/db/migrations")
		.normalize();

	private static final Path SAMPLE_SCHEMA = SAMPLE.resolve("../../../../../drizzle/steps/3_market_segment.ts").normalize();

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@TempDir
	Path dir;

	@Test
	void onTheSampleAppsFolderItWritesWhatDrizzleKitWritesAndDrizzleKitFindsNothingToGenerate() throws Exception {
		Path ours = copy(SAMPLE, this.dir.resolve("ours/migrations"));
		Path kits = copy(SAMPLE, this.dir.resolve("kit/migrations"));
		NewMigration.Created created = NewMigration.create(ours, "add_x", Instant.now());
		DrizzleProject.writeConfig(ours.getParent(), SAMPLE_SCHEMA, "./migrations");
		DrizzleProject.writeConfig(kits.getParent(), SAMPLE_SCHEMA, "./migrations");
		DrizzleProject.V0.kitIn(kits.getParent(), "generate", "--custom", "--name=add_x");

		assertThat(created.file()).isEqualTo(ours.resolve("0008_add_x.sql"));
		assertThat(created.file()).hasSameBinaryContentAs(kits.resolve("0008_add_x.sql"));
		assertThat(withoutLastWhen(ours)).isEqualTo(withoutLastWhen(kits));
		assertThat(withoutId(ours.resolve("meta/0008_snapshot.json")))
			.isEqualTo(withoutId(kits.resolve("meta/0008_snapshot.json")));
		assertThat(files(ours)).isEqualTo(files(kits));

		assertThat(DrizzleProject.V0.kitIn(ours.getParent(), "check")).contains("Everything's fine");
		assertThat(DrizzleProject.V0.kitIn(ours.getParent(), "generate")).contains("No schema changes, nothing to migrate");
	}

	@Test
	void onAnEmptyFolderItWritesAFreshJournalThatDrizzleKitAccepts() throws Exception {
		Path ours = this.dir.resolve("ours/migrations");
		Path kits = Files.createDirectories(this.dir.resolve("kit/migrations"));
		NewMigration.create(ours, "first", Instant.now());
		Path schema = DrizzleProject.V0.project().resolve("steps/5_tags.ts");
		DrizzleProject.writeConfig(ours.getParent(), schema, "./migrations");
		DrizzleProject.writeConfig(kits.getParent(), schema, "./migrations");
		DrizzleProject.V0.kitIn(kits.getParent(), "generate", "--custom", "--name=first");

		assertThat(files(ours)).containsExactly("0000_first.sql", "meta/_journal.json");
		assertThat(withoutLastWhen(ours)).isEqualTo(withoutLastWhen(kits));
		assertThat(DrizzleProject.V0.kitIn(ours.getParent(), "check")).contains("Everything's fine");
		DrizzleProject.V0.kitIn(ours.getParent(), "generate", "--custom", "--name=second");
		JsonNode entries = MAPPER.readTree(ours.resolve("meta/_journal.json").toFile()).get("entries");
		assertThat(entries.get(1).get("tag").stringValue()).isEqualTo("0001_second");
	}

	@Test
	void onADrizzle1FolderItWritesWhatDrizzleKit1WritesAndDrizzleKitFindsNothingToGenerate() throws Exception {
		Path ours = copy(DrizzleProject.V1.migrations(), this.dir.resolve("ours/migrations"));
		Path kits = copy(DrizzleProject.V1.migrations(), this.dir.resolve("kit/migrations"));
		Path schema = DrizzleProject.V1.project().resolve("steps/5_tags.ts");
		DrizzleProject.writeConfig(ours.getParent(), schema, "./migrations");
		DrizzleProject.writeConfig(kits.getParent(), schema, "./migrations");
		NewMigration.Created created = NewMigration.create(ours, "add_x", Instant.now());
		DrizzleProject.V1.kitIn(kits.getParent(), "generate", "--custom", "--name=add_x");

		Path kitsFolder = newest(kits);
		assertThat(created.file().getParent().getFileName().toString()).matches("\\d{14}_add_x");
		assertThat(created.file()).hasSameBinaryContentAs(kitsFolder.resolve("migration.sql"));
		assertThat(Files.readString(created.file().resolveSibling("snapshot.json")).replaceAll("\"id\": \"[^\"]+\"", "ID"))
			.isEqualTo(Files.readString(kitsFolder.resolve("snapshot.json")).replaceAll("\"id\": \"[^\"]+\"", "ID"));

		assertThat(DrizzleProject.V1.kitIn(ours.getParent(), "check")).contains("Everything's fine");
		assertThat(DrizzleProject.V1.kitIn(ours.getParent(), "generate")).contains("No schema changes, nothing to migrate");
	}

	/** The journal's text with the last entry's {@code when}, which differs by the time each tool ran, left out. */
	private static String withoutLastWhen(Path folder) throws IOException {
		String journal = Files.readString(folder.resolve("meta/_journal.json"));
		JsonNode entries = MAPPER.readTree(journal).get("entries");
		String when = "\"when\": " + entries.get(entries.size() - 1).get("when").asString();
		assertThat(journal).containsOnlyOnce(when);
		return journal.replace(when, "\"when\": WHEN");
	}

	private static JsonNode withoutId(Path snapshot) throws IOException {
		ObjectNode tree = (ObjectNode) MAPPER.readTree(snapshot.toFile());
		tree.remove("id");
		return tree;
	}

	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).map((file) -> folder.relativize(file).toString()).sorted().toList();
		}
	}

	private static Path newest(Path folder) throws IOException {
		try (Stream<Path> children = Files.list(folder)) {
			return children.max(Path::compareTo).orElseThrow();
		}
	}

	private static Path copy(Path from, Path to) throws IOException {
		Files.createDirectories(to.getParent());
		FileSystemUtils.copyRecursively(from, to);
		return to;
	}

}
