package dev.migrator.engine.lint;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.migrator.engine.lint.LintFixture.lint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code migrator.lint}, {@code migrator.lint.rules.<id>} and {@code migrator.lint.large-table-rows}. */
class LintSettingsTests {

	private static final String SQL = "DROP TABLE legacy;\nALTER TABLE orders ADD COLUMN region text NOT NULL;";

	@Test
	void defaultsWarnKeepEachRulesSeverityAndUseOneHundredThousandRows() {
		assertThat(LintSettings.DEFAULTS.mode()).isEqualTo(LintSettings.Mode.WARN);
		assertThat(LintSettings.DEFAULTS.largeTableRows()).isEqualTo(100_000);
		assertThat(lint(SQL, LintSettings.DEFAULTS, DatabaseFacts.none())).extracting(Finding::rule, Finding::severity)
			.containsExactly(tuple("drop-table", Severity.WARN),
					tuple("add-column-not-null", Severity.ERROR));
	}

	@Test
	void ruleLevelsTurnRulesOffOrSetTheirSeverity() {
		LintSettings settings = LintSettings.DEFAULTS.withRule("drop-table", LintSettings.RuleLevel.ERROR)
			.withRule("add-column-not-null", LintSettings.RuleLevel.OFF);
		assertThat(lint(SQL, settings, DatabaseFacts.none())).extracting(Finding::rule, Finding::severity)
			.containsExactly(tuple("drop-table", Severity.ERROR));
	}

	@Test
	void offFindsNothing() {
		assertThat(lint(SQL, LintSettings.DEFAULTS.withMode(LintSettings.Mode.OFF), DatabaseFacts.none())).isEmpty();
	}

	@Test
	void onlyFailModeWithAnErrorStopsTheRun() {
		List<Finding> findings = lint(SQL, LintSettings.DEFAULTS, DatabaseFacts.none());
		assertThat(LintSettings.DEFAULTS.stopsRun(findings)).isFalse();
		LintSettings fail = LintSettings.DEFAULTS.withMode(LintSettings.Mode.FAIL);
		assertThat(fail.stopsRun(findings)).isTrue();
		assertThat(fail.stopsRun(findings.subList(0, 1))).isFalse();
	}

	@Test
	void unknownRuleIdIsRefusedWithTheListOfRules() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LintSettings(LintSettings.Mode.WARN, Map.of("drop-colum", LintSettings.RuleLevel.OFF),
					100))
			.withMessageStartingWith(
					"migrator.lint.rules.drop-colum names no lint rule; the rules are: index-not-concurrent,")
			.withMessageContaining("drop-column");
		assertThatIllegalArgumentException().isThrownBy(() -> LintSettings.DEFAULTS.withLargeTableRows(-1))
			.withMessage("migrator.lint.large-table-rows must not be negative, was -1");
	}

	@Test
	void findingsPrintAsOneLineWithPositionRuleAndFix() {
		Finding finding = lint(SQL, LintSettings.DEFAULTS, DatabaseFacts.none()).get(0);
		assertThat(finding).hasToString("0007_change.sql:1:12: warn [drop-table] DROP TABLE legacy deletes the table"
				+ " and its data, and breaks the release still running during a rolling deploy. Fix: "
				+ Rule.DROP_TABLE.fix());
	}

}
