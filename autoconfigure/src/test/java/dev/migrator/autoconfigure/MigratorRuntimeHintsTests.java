package dev.migrator.autoconfigure;

import dev.migrator.actuate.MigrationsEndpoint;
import dev.migrator.engine.MigrationsStatus;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

class MigratorRuntimeHintsTests {

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, MigratorRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

	@Test
	void registersTheDefaultLocationsJournalAndMigrationFilesButNotSnapshots() {
		RuntimeHints hints = registered();
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/meta/_journal.json")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/0000_widgets.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/0001_widget_rows.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/20260101120000_init/migration.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/meta/0000_snapshot.json"))
			.rejects(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/audit/0000_audit_events.sql")).rejects(hints);
	}

	@Test
	void registersReflectionForTheEndpointsJson() {
		RuntimeHints hints = registered();
		assertThat(RuntimeHintsPredicates.reflection().onType(MigrationsEndpoint.MigratorsDescriptor.class))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(MigrationsStatus.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(MigrationsStatus.Entry.class)).accepts(hints);
	}

	@Test
	void migratorLocationPropertyAddsItsFolderAtBuildTime() {
		new ApplicationContextRunner().withPropertyValues("migrator.location=db/audit").run((context) -> {
			RuntimeHints hints = processedAheadOfTime(context.getBeanFactory());
			assertThat(RuntimeHintsPredicates.resource().forResource("db/audit/meta/_journal.json")).accepts(hints);
			assertThat(RuntimeHintsPredicates.resource().forResource("db/audit/0000_audit_events.sql")).accepts(hints);
		});
	}

	@Test
	void defaultOrFileLocationAddsNothingAtBuildTime() {
		new ApplicationContextRunner().run((context) -> assertThat(processor().processAheadOfTime(context.getBeanFactory()))
			.isNull());
		new ApplicationContextRunner().withPropertyValues("migrator.location=file:/srv/migrations")
			.run((context) -> assertThat(processedAheadOfTime(context.getBeanFactory()).resources().resourcePatternHints())
				.isEmpty());
	}

	private static BeanFactoryInitializationAotProcessor processor() {
		return SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(BeanFactoryInitializationAotProcessor.class)
			.stream()
			.filter(MigratorLocationAotProcessor.class::isInstance)
			.findFirst()
			.orElseThrow();
	}

	private static RuntimeHints processedAheadOfTime(
			org.springframework.beans.factory.config.ConfigurableListableBeanFactory beanFactory) {
		BeanFactoryInitializationAotContribution contribution = processor().processAheadOfTime(beanFactory);
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "App")), new InMemoryGeneratedFiles());
		if (contribution != null) {
			contribution.applyTo(generation, null); // it only adds hints: no code
		}
		return generation.getRuntimeHints();
	}

}
