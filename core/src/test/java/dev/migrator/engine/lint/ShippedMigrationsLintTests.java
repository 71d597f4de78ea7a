package dev.migrator.engine.lint;

import java.nio.file.Path;
import java.util.List;

import dev.migrator.engine.Journal;
import dev.migrator.engine.MigrationSource;
import dev.migrator.engine.Policy;
import dev.migrator.testsupport.DrizzleProject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The migrations this project ships, linted offline as {@code migrator check} would. */
class ShippedMigrationsLintTests {

	private static List<Finding> offline(Path folder) {
		MigrationSource source = MigrationSource.of("file:" + folder.toAbsolutePath(),
				ShippedMigrationsLintTests.class.getClassLoader());
		Journal journal = Journal.read(source, Policy.OnUnjournaled.FAIL);
		return new Linter(LintSettings.DEFAULTS).lint(journal.migrations(), source, DatabaseFacts.none());
	}

	@Test
	void sampleAppMigrationsHaveNoErrorOnlyTheTwoPlainIndexesOnTokens() {
		List<Finding> findings = offline(Path.of("../sample-app/src/main/resources/db/migrations"));
		assertThat(findings).extracting(Finding::file, Finding::line, Finding::rule, Finding::severity)
			.containsExactly(
					tuple("0002_tokens_etherscan_contract_idx.sql", 3, "index-not-concurrent", Severity.WARN),
					tuple("0003_tokens_identity_unique.sql", 4, "index-not-concurrent", Severity.WARN));
		assertThat(LintSettings.DEFAULTS.withMode(LintSettings.Mode.FAIL).stopsRun(findings)).isFalse();
	}

	@Test
	void drizzleKitGeneratedFoldersLintClean() {
		assertThat(offline(DrizzleProject.V0.migrations())).isEmpty();
		assertThat(offline(DrizzleProject.V1.migrations())).isEmpty();
	}

}
