package dev.migrator.engine;

import java.time.Duration;
import java.util.List;

/**
 * What a migrate run did.
 *
 * @param applied the migrations it applied, in order
 * @param alreadyApplied how many journal entries were applied before the run
 * @param warnings what it reported without failing
 * @param duration the whole run, lock wait included
 */
public record MigrationReport(List<AppliedMigration> applied, int alreadyApplied, List<String> warnings,
		Duration duration) {
}
