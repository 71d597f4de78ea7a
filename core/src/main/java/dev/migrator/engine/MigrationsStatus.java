package dev.migrator.engine;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.migrator.engine.lint.Finding;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status report of {@code /actuator/migrations} and {@code migrator status --json}: one model, so the two can
 * never drift apart. It never holds SQL text, connection URLs or credentials.
 *
 * @param location the migrations folder, as configured
 * @param table the history table, {@code schema.table}
 * @param applied entries with a history row (including modified ones)
 * @param pending entries without one (including out-of-order ones)
 * @param modified applied entries whose file changed since
 * @param outOfOrder pending entries older than the newest applied one
 * @param unknown history rows no entry matches
 * @param migrations entries in journal order, then unknown rows
 */
public record MigrationsStatus(String location, String table, long applied, long pending, long modified,
		long outOfOrder, long unknown, List<Entry> migrations) {

	/** The report of a plan. */
	public static MigrationsStatus of(Plan plan) {
		return new MigrationsStatus(plan.location(), plan.table(),
				plan.count(MigrationState.APPLIED) + plan.count(MigrationState.MODIFIED),
				plan.count(MigrationState.PENDING) + plan.count(MigrationState.OUT_OF_ORDER),
				plan.count(MigrationState.MODIFIED), plan.count(MigrationState.OUT_OF_ORDER),
				plan.count(MigrationState.UNKNOWN),
				plan.migrations().stream().map((migration) -> Entry.of(migration, plan)).toList());
	}

	/** The report as the endpoint's JSON body. */
	public String toJson() {
		return Json.MAPPER.writeValueAsString(this);
	}

	/**
	 * One journal entry, or one history row no entry matches.
	 *
	 * @param idx journal idx (absent for an unknown row)
	 * @param tag journal tag (absent for an unknown row)
	 * @param when journal {@code when}, the row's {@code created_at} for an unknown row
	 * @param hash SHA-256 of the file, the recorded hash for an unknown row
	 * @param state APPLIED, PENDING, MODIFIED, OUT_OF_ORDER or UNKNOWN
	 * @param appliedHash the recorded hash, for a modified migration only
	 * @param appliedAt when it was applied, where the database knows
	 * @param execution how a migration that is not applied will run: TRANSACTION, AUTOCOMMIT or SEGMENTED (the
	 * file's own COMMIT divides it); absent for applied ones and unknown rows
	 * @param findings what the lint found in a migration that is not applied (absent when nothing)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entry(Integer idx, String tag, Long when, String hash, MigrationState state, String appliedHash,
			Instant appliedAt, Migration.Execution execution, List<Finding> findings) {

		/** The entry of a planned migration, with its lint findings from the plan. */
		public static Entry of(PlannedMigration migration, Plan plan) {
			List<Finding> findings = (migration.migration() != null) ? plan.findings(migration.migration()) : List.of();
			return new Entry(migration.idx(), migration.tag(), migration.when(), migration.hash(), migration.state(),
					migration.appliedHash(), migration.appliedAt(), migration.execution(),
					findings.isEmpty() ? null : findings);
		}

	}

	/**
	 * The mapper, configured as Spring Boot's actuator configures its endpoint mapper (Jackson's defaults: ISO-8601
	 * instants; {@code null} values left out), so that {@link #toJson()} is the endpoint's body. Built on the first
	 * {@link #toJson()}: building it loads some 450 Jackson classes, about 0.15 s of a fresh JVM, which the command
	 * line's text output does not need.
	 */
	private static final class Json {

		static final JsonMapper MAPPER = JsonMapper.builder()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL)
				.withContentInclusion(JsonInclude.Include.NON_NULL))
			.build();

	}

}
