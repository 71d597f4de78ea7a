package dev.migrator.autoconfigure;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConverterNotFoundException;
import org.springframework.core.env.Environment;

/**
 * Explains a value given to {@code migrator.lint} itself, such as {@code migrator.lint=off}: that name is the group of
 * the lint's settings, and the mode is {@code migrator.lint.mode}. Spring Boot's own analysis of that failure only
 * says that no converter was found. Runs before Spring Boot's analyzer of bind failures; any other bind failure is
 * left to it.
 */
class MigratorLintPropertyFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	private static final String GROUP = "migrator.lint";

	private final Environment environment;

	MigratorLintPropertyFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		if (!GROUP.equals(cause.getName().toString()) || !(cause.getCause() instanceof ConverterNotFoundException)) {
			return null;
		}
		String value = (this.environment != null) ? this.environment.getProperty(GROUP) : null;
		String given = (value != null) ? "the value '" + value + "'" : "a value";
		String mode = (value != null) ? value : "<mode>";
		return new FailureAnalysis(GROUP + " was given " + given + ", but " + GROUP + " is the group of the lint's"
				+ " settings and takes no value of its own.",
				"Set the lint's mode with migrator.lint.mode=" + mode + " (warn, fail or off) instead. The group also"
						+ " holds migrator.lint.rules.<rule-id>=off|warn|error and migrator.lint.large-table-rows.",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
