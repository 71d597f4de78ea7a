package dev.migrator.actuate;

import dev.migrator.engine.MigrationsStatus;
import dev.migrator.engine.Migrator;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/migrations}: every journal entry with its state and hash, read live from the history table (one
 * query; the files were read at startup). It never shows SQL text, connection URLs or credentials. The body is
 * {@link MigrationsStatus}, the model {@code migrator status --json} prints too.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private final Migrator migrator;

	public MigrationsEndpoint(Migrator migrator) {
		this.migrator = migrator;
	}

	@ReadOperation
	public MigrationsStatus migrations() {
		return MigrationsStatus.of(this.migrator.status());
	}

	/**
	 * One migration by tag.
	 * @param tag the journal tag, such as {@code 0000_init}
	 * @return the migration, or {@code null} (404) for a tag the journal does not have
	 */
	@ReadOperation
	public MigrationsStatus.Entry migration(@Selector String tag) {
		return this.migrator.status()
			.migrations()
			.stream()
			.filter((migration) -> tag.equals(migration.tag()))
			.findFirst()
			.map(MigrationsStatus.Entry::of)
			.orElse(null);
	}

}
