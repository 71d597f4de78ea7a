package dev.migrator.autoconfigure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.migrator.engine.MigratorSettings;
import dev.migrator.engine.Policy;
import dev.migrator.engine.lint.LintSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The IDE metadata generated at build time lists every property, with its description and default. */
class MigratorPropertiesMetadataTests {

	@Test
	void everyPropertyHasDescriptionAndTheEnginesDefault() {
		JsonNode metadata = JsonMapper.builder().build()
			.readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json").toFile());
		Map<String, JsonNode> properties = new HashMap<>();
		metadata.get("properties").forEach((p) -> {
			String name = p.get("name").stringValue();
			if (name.startsWith("migrator.")) {
				properties.put(name, p);
			}
		});
		assertThat(properties).containsOnlyKeys("migrator.enabled", "migrator.location", "migrator.schema",
				"migrator.table", "migrator.mode", "migrator.out-of-order", "migrator.on-modified",
				"migrator.on-unjournaled", "migrator.lock-wait-timeout", "migrator.statement-lock-timeout",
				"migrator.lock-retries", "migrator.statement-timeout", "migrator.slow-migration-warning",
				"migrator.client-check-interval", "migrator.drop-invalid-indexes", "migrator.group-commit",
				"migrator.lint.mode", "migrator.lint.rules", "migrator.lint.large-table-rows", "migrator.url",
				"migrator.username",
				"migrator.password");
		properties.forEach((name, p) -> assertThat(p.path("description").stringValue()).as(name)
			.isNotBlank()
			.doesNotStartWith("The ")
			.doesNotStartWith("A "));
		Map<String, String> defaults = new HashMap<>();
		properties.forEach((name, p) -> {
			if (p.has("defaultValue")) {
				defaults.put(name, p.get("defaultValue").asString());
			}
		});
		assertThat(defaults).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("migrator.enabled", "true"),
				Map.entry("migrator.location", MigratorSettings.DEFAULT_LOCATION),
				Map.entry("migrator.schema", MigratorSettings.DEFAULT_SCHEMA),
				Map.entry("migrator.table", MigratorSettings.DEFAULT_TABLE), Map.entry("migrator.mode", "migrate"),
				Map.entry("migrator.out-of-order", lower(Policy.DEFAULT.outOfOrder())),
				Map.entry("migrator.on-modified", lower(Policy.DEFAULT.onModified())),
				Map.entry("migrator.on-unjournaled", lower(Policy.DEFAULT.onUnjournaled())),
				Map.entry("migrator.lock-wait-timeout", MigratorSettings.DEFAULT_LOCK_WAIT_TIMEOUT.toMinutes() + "m"),
				Map.entry("migrator.statement-lock-timeout",
						MigratorSettings.DEFAULT_STATEMENT_LOCK_TIMEOUT.toSeconds() + "s"),
				Map.entry("migrator.lock-retries", Integer.toString(MigratorSettings.DEFAULT_LOCK_RETRIES)),
				Map.entry("migrator.statement-timeout", MigratorSettings.DEFAULT_STATEMENT_TIMEOUT.toSeconds() + "s"),
				Map.entry("migrator.slow-migration-warning",
						MigratorSettings.DEFAULT_SLOW_MIGRATION_WARNING.toSeconds() + "s"),
				Map.entry("migrator.client-check-interval",
						MigratorSettings.DEFAULT_CLIENT_CHECK_INTERVAL.toSeconds() + "s"),
				Map.entry("migrator.drop-invalid-indexes",
						Boolean.toString(MigratorSettings.DEFAULT_DROP_INVALID_INDEXES)),
				Map.entry("migrator.group-commit", Boolean.toString(MigratorSettings.DEFAULT_GROUP_COMMIT)),
				Map.entry("migrator.lint.mode", lower(LintSettings.DEFAULT_MODE)),
				Map.entry("migrator.lint.large-table-rows", Long.toString(LintSettings.DEFAULT_LARGE_TABLE_ROWS))));
		assertThat(properties.get("migrator.enabled").get("description").stringValue()).startsWith("Whether");
		assertThat(metadata.toString()).contains("\"management.endpoint.migrations.access\"");
		JsonNode hints = metadata.get("hints");
		assertThat(hints.toString()).contains("\"auto\"");
		assertThat(hints.toString()).contains("\"migrator.mode\"").contains("\"validate\"").contains("\"migrator.out-of-order\"");
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
