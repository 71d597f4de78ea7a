package dev.migrator.engine;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The counts and the JSON of the shared status model. */
class MigrationsStatusTests {

	private static final JournalEntry FIRST = new JournalEntry(0, 1000L, "0000_a", true);

	private static final JournalEntry SECOND = new JournalEntry(1, 2000L, "0001_b", true);

	@Test
	void countsModifiedAsAppliedAndLeavesNullFieldsOutOfTheJson() {
		Migration first = new Migration(FIRST, "aaaa", List.of());
		Migration second = new Migration(SECOND, "bbbb", List.of());
		Instant at = Instant.parse("2026-11-25T21:44:32.089149Z");
		Plan plan = new Plan("file:x", "drizzle.__drizzle_migrations",
				List.of(new PlannedMigration(first, MigrationState.MODIFIED, new AppliedRow(1, "old", 1000L, at)),
						new PlannedMigration(second, MigrationState.PENDING, null),
						new PlannedMigration(null, MigrationState.UNKNOWN, new AppliedRow(2, "cccc", 3000L, null))),
				List.of(second), List.of(), List.of());
		MigrationsStatus status = MigrationsStatus.of(plan);
		assertThat(status.applied()).isEqualTo(1);
		assertThat(status.pending()).isEqualTo(1);
		assertThat(status.modified()).isEqualTo(1);
		assertThat(status.unknown()).isEqualTo(1);
		JsonNode json = JsonMapper.builder().build().readTree(status.toJson());
		assertThat(json.get("migrations").get(0).toString()).isEqualTo("{\"idx\":0,\"tag\":\"0000_a\",\"when\":1000,"
				+ "\"hash\":\"aaaa\",\"state\":\"MODIFIED\",\"appliedHash\":\"old\","
				+ "\"appliedAt\":\"2026-11-25T21:44:32.089149Z\"}");
		assertThat(json.get("migrations").get(1).toString()).isEqualTo("{\"idx\":1,\"tag\":\"0001_b\",\"when\":2000,"
				+ "\"hash\":\"bbbb\",\"state\":\"PENDING\",\"execution\":\"TRANSACTION\"}");
		assertThat(json.get("migrations").get(2).toString())
			.isEqualTo("{\"when\":3000,\"hash\":\"cccc\",\"state\":\"UNKNOWN\"}");
		assertThat(json.get("outOfOrder").asInt()).isZero();
	}

}
