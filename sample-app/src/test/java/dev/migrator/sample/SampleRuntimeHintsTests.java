package dev.migrator.sample;

import java.util.List;

import dev.migrator.engine.Journal;
import dev.migrator.engine.Migration;
import dev.migrator.engine.MigrationSource;
import dev.migrator.engine.MigrationsStatus;
import dev.migrator.engine.Policy;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** What a native image of the sample would include: its journal, each migration file, and the endpoint's types. */
class SampleRuntimeHintsTests {

	@Test
	void journalAndEverySampleMigrationFileAreRegistered() {
		ClassLoader loader = getClass().getClassLoader();
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories", loader)
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, loader));
		List<Migration> migrations = Journal.read(MigrationSource.of("classpath:db/migrations", loader),
				Policy.OnUnjournaled.FAIL).migrations();
		assertThat(migrations).hasSize(8);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/meta/_journal.json")).accepts(hints);
		for (Migration migration : migrations) {
			assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/" + migration.entry().fileName()))
				.as(migration.tag())
				.accepts(hints);
			assertThat(loader.getResource("db/migrations/" + migration.entry().fileName())).isNotNull();
		}
		assertThat(RuntimeHintsPredicates.reflection().onType(MigrationsStatus.Entry.class)).accepts(hints);
	}

}
