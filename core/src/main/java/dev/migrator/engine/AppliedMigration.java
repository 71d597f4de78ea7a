package dev.migrator.engine;

import java.time.Duration;

/**
 * A migration a run applied.
 *
 * @param tag its tag
 * @param when its journal {@code when}
 * @param hash the hash recorded
 * @param duration how long its statements and history row took; for one of several migrations sent to the server in
 * one round trip (group commit), from its transaction's start to the next one's as the server recorded them in
 * {@code applied_at}, and for the last of them the rest of the round trip (with, when one sent after it failed or
 * waited too long for a lock, that one's time)
 */
public record AppliedMigration(String tag, long when, String hash, Duration duration) {
}
