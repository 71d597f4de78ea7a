package dev.migrator.engine;

import java.time.Duration;

/**
 * A migration a run applied.
 *
 * @param tag its tag
 * @param when its journal {@code when}
 * @param hash the hash recorded
 * @param duration how long its statements and history row took
 */
public record AppliedMigration(String tag, long when, String hash, Duration duration) {
}
