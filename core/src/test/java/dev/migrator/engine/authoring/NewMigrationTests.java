package dev.migrator.engine.authoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.migrator.engine.JournalException;
import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NewMigrationTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Instant NOW = Instant.parse("2026-11-26T08:00:00.123Z");

	@TempDir
	Path dir;

	@Test
	void missingFolderGetsTheFirstMigrationAndAFreshJournalWithoutSnapshot() throws Exception {
		Path folder = this.dir.resolve("db/migrations");
		NewMigration.Created created = NewMigration.create(folder, "create_users", NOW);
		assertThat(created.file()).isEqualTo(folder.resolve("0000_create_users.sql"));
		assertThat(created.file()).hasContent("-- Custom SQL migration file, put your code below! --");
		assertThat(folder.resolve("meta/_journal.json")).hasContent("""
				{
				  "version": "7",
				  "dialect": "postgresql",
				  "entries": [
				    {
				      "idx": 0,
				      "version": "7",
				      "when": %d,
				      "tag": "0000_create_users",
				      "breakpoints": true
				    }
				  ]
				}""".formatted(NOW.toEpochMilli()));
		try (var files = Files.walk(folder)) {
			assertThat(files.filter(Files::isRegularFile)).hasSize(2);
		}
	}

	@Test
	void theJournalsPrefixStyleAndBreakpointsCarryOverAsDrizzleKitsSettingsWriteThem() throws Exception {
		write("meta/_journal.json", """
				{"version":"7","dialect":"postgresql","entries":[
				{"idx":0,"version":"7","when":1764230000000,"tag":"20251127080000_create_users","breakpoints":false}]}""");
		write("20251127080000_create_users.sql", "CREATE TABLE users (id int);");
		NewMigration.Created created = NewMigration.create(this.dir, "add_c", NOW);
		assertThat(created.file()).isEqualTo(this.dir.resolve("20261126080000_add_c.sql"));
		JsonNode entry = MAPPER.readTree(this.dir.resolve("meta/_journal.json").toFile()).get("entries").get(1);
		assertThat(entry.get("tag").stringValue()).isEqualTo("20261126080000_add_c");
		assertThat(entry.get("breakpoints").booleanValue()).isFalse();

		Path unix = Files.createDirectories(this.dir.resolve("unix"));
		Files.writeString(Files.createDirectories(unix.resolve("meta")).resolve("_journal.json"), """
				{"version":"7","dialect":"postgresql","entries":[
				{"idx":0,"version":"7","when":1764230000000,"tag":"1764230000_create_users","breakpoints":true}]}""");
		Files.writeString(unix.resolve("1764230000_create_users.sql"), "CREATE TABLE users (id int);");
		assertThat(NewMigration.create(unix, "add_c", NOW).file())
			.isEqualTo(unix.resolve(NOW.getEpochSecond() + "_add_c.sql"));
	}

	@Test
	void nextEntryFollowsTheLastIdxAndIsNewerThanEveryWhen() throws Exception {
		long future = NOW.toEpochMilli() + 60_000;
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_a", 1L, "SELECT 1;").add("0001_b", future, "SELECT 2;");
		NewMigration.Created created = NewMigration.create(this.dir, "add_c", NOW);
		assertThat(created.file()).isEqualTo(this.dir.resolve("0002_add_c.sql"));
		JsonNode entry = MAPPER.readTree(this.dir.resolve("meta/_journal.json").toFile()).get("entries").get(2);
		assertThat(entry.get("idx").intValue()).isEqualTo(2);
		assertThat(entry.get("when").longValue()).isEqualTo(future + 1);
		assertThat(this.dir.resolve("meta")).isDirectoryContaining("glob:**/_journal.json")
			.isDirectoryNotContaining("glob:**/*_snapshot.json");
		assertThat(folder.path()).isEqualTo(this.dir);
	}

	@Test
	void snapshotIsThePreviousOneWithANewIdAndNoRenames() throws Exception {
		MigrationsFolder.in(this.dir).add("0000_a", 1L, "SELECT 1;");
		Files.writeString(this.dir.resolve("meta/0000_snapshot.json"), "{\n  \"id\": \"first\",\n  \"prevId\": \"origin\","
				+ "\n  \"version\": \"7\",\n  \"tables\": {},\n  \"_meta\": {\n    \"columns\": {\n      \"a\": \"b\"\n    }\n  }\n}");
		NewMigration.Created created = NewMigration.create(this.dir, "add_b", NOW);
		JsonNode snapshot = MAPPER.readTree(this.dir.resolve("meta/0001_snapshot.json").toFile());
		assertThat(snapshot.propertyNames()).containsExactly("id", "prevId", "version", "tables", "_meta");
		assertThat(snapshot.get("id").stringValue()).hasSize(36).isNotEqualTo("first");
		assertThat(snapshot.get("prevId").stringValue()).isEqualTo("first");
		assertThat(snapshot.get("_meta").toString()).isEqualTo("{\"columns\":{},\"schemas\":{},\"tables\":{}}");
		assertThat(created.written()).containsExactly(this.dir.resolve("0001_add_b.sql"),
				this.dir.resolve("meta/0001_snapshot.json"), this.dir.resolve("meta/_journal.json"));
	}

	@Test
	void anExistingFileIsNeverOverwrittenAndTheJournalStaysAsItWas() throws Exception {
		MigrationsFolder.in(this.dir).add("0000_a", 1L, "SELECT 1;").writeFile("0001_add_b.sql", "keep me");
		byte[] journal = Files.readAllBytes(this.dir.resolve("meta/_journal.json"));
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> NewMigration.create(this.dir, "add_b", NOW))
			.withMessageContaining("0001_add_b.sql already exists");
		assertThat(this.dir.resolve("0001_add_b.sql")).hasContent("keep me");
		assertThat(this.dir.resolve("meta/_journal.json")).hasBinaryContent(journal);
	}

	@Test
	void namesMustBeSnakeCaseAndLooseSqlIsNoDrizzleFolder() throws Exception {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> NewMigration.create(this.dir, "AddUsers", NOW))
			.withMessageContaining("'AddUsers' is not snake_case");
		Files.writeString(this.dir.resolve("schema.sql"), "SELECT 1;");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> NewMigration.create(this.dir, "x", NOW))
			.withMessageContaining("has .sql files (schema.sql) but no meta/_journal.json");
		assertThat(this.dir.resolve("meta")).doesNotExist();
	}

	@Test
	void drizzle1FolderGetsTheNextTimestampedFolderWithASnapshotAfterTheLeaf() throws Exception {
		write("20261126080000_init/migration.sql", "SELECT 1;");
		write("20261126080000_init/snapshot.json", "{\"version\":\"9\",\"dialect\":\"postgres\",\"id\":\"a\",\"prevIds\":[\"o\"]}");
		write("20261126090000_later/migration.sql", "SELECT 2;");
		write("20261126090000_later/snapshot.json", "{\"version\":\"9\",\"dialect\":\"postgres\",\"id\":\"b\",\"prevIds\":[\"a\"]}");
		NewMigration.Created created = NewMigration.create(this.dir, "add_c", NOW);
		Path folder = this.dir.resolve("20261126090001_add_c");
		assertThat(created.written()).containsExactly(folder.resolve("migration.sql"), folder.resolve("snapshot.json"));
		JsonNode snapshot = MAPPER.readTree(folder.resolve("snapshot.json").toFile());
		assertThat(snapshot.propertyNames()).containsExactly("type", "version", "dialect", "id", "prevIds", "footprints",
				"deltas");
		assertThat(snapshot.get("prevIds").toString()).isEqualTo("[\"b\"]");

		Files.delete(folder.resolve("snapshot.json"));
		Files.delete(this.dir.resolve("20261126090000_later/snapshot.json"));
		assertThat(NewMigration.create(this.dir, "add_d", Instant.parse("2026-12-01T10:11:12.999Z")).written())
			.containsExactly(this.dir.resolve("20261201101112_add_d/migration.sql"));
		assertThat(List.of(folder.resolve("migration.sql"))).allMatch(Files::isRegularFile);
	}

	private void write(String file, String text) throws Exception {
		Files.createDirectories(this.dir.resolve(file).getParent());
		Files.writeString(this.dir.resolve(file), text);
	}

}
