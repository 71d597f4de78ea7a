package dev.migrator.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrator.engine.MigrationsStatus;
import dev.migrator.engine.Migrator;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/migrations}: for each Migrator bean, by bean name, every journal entry with its state and hash,
 * read live from the history table (one query per migrator; the files were read at startup). It never shows SQL
 * text, connection URLs or credentials. Each migrator's report is {@link MigrationsStatus}, the model
 * {@code migrator status --json} prints too.
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
		Map<String, MigrationsStatus> all = new LinkedHashMap<>();
		this.migrators.forEach((name, migrator) -> all.put(name, MigrationsStatus.of(migrator.status())));
		return new MigratorsDescriptor(all);
	}

	/**
	 * One migrator's report.
	 * @param migrator the Migrator bean's name, such as {@code migrator}
	 * @return the report, or {@code null} (404) for a name that is not a Migrator bean
	 */
	@ReadOperation
	public MigrationsStatus migrator(@Selector String migrator) {
		Migrator found = this.migrators.get(migrator);
		return (found != null) ? MigrationsStatus.of(found.status()) : null;
	}

	/**
	 * One migration of one migrator, by tag.
	 * @param migrator the Migrator bean's name
	 * @param tag the journal tag, such as {@code 0000_init}
	 * @return the migration, or {@code null} (404) for an unknown migrator or a tag its journal does not have
	 */
	@ReadOperation
	public MigrationsStatus.Entry migration(@Selector String migrator, @Selector String tag) {
		MigrationsStatus status = migrator(migrator);
		if (status == null) {
			return null;
		}
		return status.migrations().stream().filter((migration) -> tag.equals(migration.tag())).findFirst().orElse(null);
	}

	/**
	 * Every migrator's report.
	 *
	 * @param migrators each migrator's report, by Migrator bean name
	 */
	public record MigratorsDescriptor(Map<String, MigrationsStatus> migrators) {
	}

}
