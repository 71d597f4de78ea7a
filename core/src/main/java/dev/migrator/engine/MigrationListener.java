package dev.migrator.engine;

import java.util.List;

/**
 * Hears what one {@link Migrator#migrate()} run does, for logging, metrics, notifications or the Spring events of
 * {@code migrator-spring-boot-autoconfigure}. Give it to a migrator with {@link Migrator#withListener}.
 *
 * <p>A run calls {@link #beforeRun} first, then {@link #afterMigration} once per migration it applied, in order,
 * right after the round trip that committed it (with group commit, plain migrations in a row share one, up to 50),
 * and last either {@link #afterRun} or {@link #onFailure}. The
 * calls come from the thread that runs {@code migrate()}, while the migration lock is held, so a listener should
 * return quickly. An exception a listener throws stops the run like a failed migration: what was applied stays,
 * including the migrations committed in the same round trip after the one it was told of, which it then does not
 * hear of.
 */
public interface MigrationListener {

	/** A listener that does nothing. */
	MigrationListener NONE = new MigrationListener() {
	};

	/**
	 * A run starts; nothing was read yet.
	 * @param settings the settings of the migrator that runs
	 */
	default void beforeRun(MigratorSettings settings) {
	}

	/**
	 * A migration was applied and its history row committed.
	 * @param migration its tag, {@code when}, recorded hash and how long it took
	 */
	default void afterMigration(AppliedMigration migration) {
	}

	/**
	 * The run ended without an error, also when it had nothing to apply.
	 * @param report what it applied
	 */
	default void afterRun(MigrationReport report) {
	}

	/**
	 * The run failed; the exception is thrown on to the caller of {@code migrate()} after this call.
	 * @param failure why, usually a {@link MigratorException} whose action says what to do
	 */
	default void onFailure(RuntimeException failure) {
	}

	/**
	 * A listener that calls each of the given ones in turn.
	 * @param listeners the listeners, in the order to call them
	 * @return the listener
	 */
	static MigrationListener of(List<MigrationListener> listeners) {
		List<MigrationListener> all = List.copyOf(listeners);
		return new MigrationListener() {

			@Override
			public void beforeRun(MigratorSettings settings) {
				all.forEach((listener) -> listener.beforeRun(settings));
			}

			@Override
			public void afterMigration(AppliedMigration migration) {
				all.forEach((listener) -> listener.afterMigration(migration));
			}

			@Override
			public void afterRun(MigrationReport report) {
				all.forEach((listener) -> listener.afterRun(report));
			}

			@Override
			public void onFailure(RuntimeException failure) {
				all.forEach((listener) -> listener.onFailure(failure));
			}

		};
	}

}
