package dev.migrator.actuate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.migrator.engine.Migration;
import dev.migrator.engine.MigrationState;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.Plan;
import dev.migrator.engine.PlannedMigration;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/migrations}: for each Migrator bean, by bean name, every journal entry with its state and hash,
 * read live from the history table (one query per migrator; the files were read at startup). It never shows SQL
 * text, connection URLs or credentials.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private final Map<String, Migrator> migrators;

	/**
	 * An endpoint that reports the given migrators.
	 * @param migrators the Migrator beans, by bean name, in the order to report them
	 */
	public MigrationsEndpoint(Map<String, Migrator> migrators) {
		this.migrators = new LinkedHashMap<>(migrators);
	}

	@ReadOperation
	public MigratorsDescriptor migrations() {
		Map<String, MigrationsDescriptor> all = new LinkedHashMap<>();
		this.migrators.forEach((name, migrator) -> all.put(name, describe(migrator.status())));
		return new MigratorsDescriptor(all);
	}

	/**
	 * One migrator's report.
	 * @param migrator the Migrator bean's name, such as {@code migrator}
	 * @return the report, or {@code null} (404) for a name that is not a Migrator bean
	 */
	@ReadOperation
	public MigrationsDescriptor migrator(@Selector String migrator) {
		Migrator found = this.migrators.get(migrator);
		return (found != null) ? describe(found.status()) : null;
	}

	private static MigrationsDescriptor describe(Plan plan) {
		return new MigrationsDescriptor(plan.location(), plan.table(),
				plan.count(MigrationState.APPLIED) + plan.count(MigrationState.MODIFIED),
				plan.count(MigrationState.PENDING) + plan.count(MigrationState.OUT_OF_ORDER),
				plan.count(MigrationState.MODIFIED), plan.count(MigrationState.OUT_OF_ORDER),
				plan.count(MigrationState.UNKNOWN),
				plan.migrations().stream().map(MigrationDescriptor::of).toList());
	}

	/**
	 * One migration of one migrator, by tag.
	 * @param migrator the Migrator bean's name
	 * @param tag the journal tag, such as {@code 0000_init}
	 * @return the migration, or {@code null} (404) for an unknown migrator or a tag its journal does not have
	 */
	@ReadOperation
	public MigrationDescriptor migration(@Selector String migrator, @Selector String tag) {
		Migrator found = this.migrators.get(migrator);
		if (found == null) {
			return null;
		}
		return found.status()
			.migrations()
			.stream()
			.filter((migration) -> tag.equals(migration.tag()))
			.findFirst()
			.map(MigrationDescriptor::of)
			.orElse(null);
	}

	/**
	 * Every migrator's report.
	 *
	 * @param migrators each migrator's report, by Migrator bean name
	 */
	public record MigratorsDescriptor(Map<String, MigrationsDescriptor> migrators) {
	}

	/**
	 * One migrator's report.
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
	public record MigrationsDescriptor(String location, String table, long applied, long pending, long modified,
			long outOfOrder, long unknown, List<MigrationDescriptor> migrations) {
	}

	/**
	 * One migration, or one unknown history row.
	 *
	 * @param idx journal idx (absent for an unknown row)
	 * @param tag journal tag (absent for an unknown row)
	 * @param when journal {@code when}, the row's {@code created_at} for an unknown row
	 * @param hash SHA-256 of the file, the recorded hash for an unknown row
	 * @param state APPLIED, PENDING, MODIFIED, OUT_OF_ORDER or UNKNOWN
	 * @param appliedHash the recorded hash, for a modified migration only
	 * @param appliedAt when it was applied, where the database knows
	 * @param execution TRANSACTION, AUTOCOMMIT or SEGMENTED (the file's own COMMIT divides it; absent for an
	 * unknown row)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record MigrationDescriptor(Integer idx, String tag, Long when, String hash, MigrationState state,
			String appliedHash, Instant appliedAt, Migration.Execution execution) {

		static MigrationDescriptor of(PlannedMigration migration) {
			return new MigrationDescriptor(migration.idx(), migration.tag(), migration.when(), migration.hash(),
					migration.state(), migration.appliedHash(), migration.appliedAt(), migration.execution());
		}

	}

}
