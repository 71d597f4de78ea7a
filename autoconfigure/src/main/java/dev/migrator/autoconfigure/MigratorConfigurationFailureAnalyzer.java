package dev.migrator.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MigratorConfigurationException} into Spring Boot's "APPLICATION FAILED TO START" text. Uses only
 * what Spring Boot 3 has too, since it also reports {@link SpringBootVersionCheck}'s refusal there.
 */
class MigratorConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<MigratorConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigratorConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
