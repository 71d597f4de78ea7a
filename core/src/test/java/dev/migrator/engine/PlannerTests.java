package dev.migrator.engine;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerTests {

	private static Migration migration(int idx, long when, String sql) {
		return new Migration(new JournalEntry(idx, when, "000" + idx + "_m", true), "hash" + idx,
				StatementSplitter.split("000" + idx + "_m.sql", sql));
	}

	private static final Journal JOURNAL = new Journal("file:x",
			List.of(migration(0, 100, "SELECT 0;"), migration(1, 200, "SELECT 1;"), migration(2, 300, "SELECT 2;")),
			List.of());

	private static AppliedRow row(long id, String hash, Long when) {
		return new AppliedRow(id, hash, when, Instant.EPOCH);
	}

	@Test
	void freshDatabaseHasEverythingPendingInJournalOrder() {
		Plan plan = Planner.plan(JOURNAL, "drizzle.t", List.of(), Policy.STRICT);
		assertThat(plan.migrations()).extracting(PlannedMigration::state).containsOnly(MigrationState.PENDING);
		assertThat(plan.toApply()).extracting(Migration::tag).containsExactly("0000_m", "0001_m", "0002_m");
		assertThat(plan.problems()).isEmpty();
	}

	@Test
	void matchesRowsByWhenAndComparesHashes() {
		Plan plan = Planner.plan(JOURNAL, "drizzle.t", List.of(row(1, "hash0", 100L), row(2, "edited", 200L)),
				Policy.STRICT);
		assertThat(plan.migrations()).extracting(PlannedMigration::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.MODIFIED, MigrationState.PENDING);
		assertThat(plan.migrations().get(1).appliedHash()).isEqualTo("edited");
		assertThat(plan.migrations().get(1).hash()).isEqualTo("hash1");
		assertThat(plan.problems()).singleElement().asString()
			.contains("0001_m.sql changed after it was applied")
			.contains("restore the file or add a new migration");
	}

	@Test
	void modifiedOnlyWarnsWithWarnPolicy() {
		Policy warn = new Policy(Policy.OutOfOrder.FAIL, Policy.OnProblem.WARN, Policy.OnUnjournaled.FAIL);
		Plan plan = Planner.plan(JOURNAL, "drizzle.t", List.of(row(1, "hash0", 100L), row(2, "edited", 200L)), warn);
		assertThat(plan.problems()).isEmpty();
		assertThat(plan.warnings()).singleElement().asString().contains("0001_m.sql changed");
		assertThat(plan.toApply()).extracting(Migration::tag).containsExactly("0002_m");
	}

	@Test
	void pendingEntryOlderThanNewestAppliedIsOutOfOrder() {
		List<AppliedRow> rows = List.of(row(1, "hash0", 100L), row(2, "hash2", 300L));
		Plan strict = Planner.plan(JOURNAL, "drizzle.t", rows, Policy.STRICT);
		assertThat(strict.migrations().get(1).state()).isEqualTo(MigrationState.OUT_OF_ORDER);
		assertThat(strict.problems()).singleElement().asString().contains("0001_m is not applied but is older");
		Policy apply = new Policy(Policy.OutOfOrder.APPLY, Policy.OnProblem.FAIL, Policy.OnUnjournaled.FAIL);
		Plan lenient = Planner.plan(JOURNAL, "drizzle.t", rows, apply);
		assertThat(lenient.problems()).isEmpty();
		assertThat(lenient.toApply()).extracting(Migration::tag).containsExactly("0001_m");
	}

	@Test
	void rowsMatchingNoEntryAreUnknownAndNeverFatal() {
		Plan plan = Planner.plan(JOURNAL, "drizzle.t",
				List.of(row(1, "hash0", 100L), row(2, "hash1", 200L), row(3, "hash2", 300L), row(4, "future", 400L)),
				Policy.STRICT);
		assertThat(plan.problems()).isEmpty();
		assertThat(plan.count(MigrationState.UNKNOWN)).isEqualTo(1);
		PlannedMigration unknown = plan.migrations().get(3);
		assertThat(unknown.tag()).isNull();
		assertThat(unknown.when()).isEqualTo(400L);
		assertThat(unknown.hash()).isEqualTo("future");
		assertThat(plan.upToDate()).isTrue();
	}

	@Test
	void pendingMigrationMixingConcurrentIndexWithOrdinaryStatementsIsAProblem() {
		Journal journal = new Journal("file:x",
				List.of(migration(0, 100, "CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);")), List.of());
		Plan plan = Planner.plan(journal, "drizzle.t", List.of(), Policy.STRICT);
		assertThat(plan.problems()).singleElement().asString()
			.contains("0000_m.sql mixes statements that cannot run in a transaction (statement 2 at line 2)")
			.contains("split it");
	}

}
