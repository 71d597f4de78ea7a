package dev.migrator.autoconfigure;

import dev.migrator.engine.MigratorException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a migrator failure into Spring Boot's "APPLICATION FAILED TO START" text: what went wrong, what to do. */
class MigratorFailureAnalyzer extends AbstractFailureAnalyzer<MigratorException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigratorException cause) {
		return new FailureAnalysis("Migrations could not be applied: " + cause.getMessage(), cause.action(), cause);
	}

}
