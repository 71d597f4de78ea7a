package dev.migrator.engine.lint;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the lint runs: {@code migrator.lint.mode}, {@code migrator.lint.rules.<id>} and
 * {@code migrator.lint.large-table-rows}. The defaults are defined here once; the Spring properties, the command line
 * and the Maven plugin reuse them.
 *
 * @param mode whether findings are only reported, stop the run when one is an error, or the lint is skipped
 * @param rules per-rule levels by rule id; a rule not named keeps its own severity
 * @param largeTableRows live rows above which a rule that {@link Rule#escalates() escalates} reports an error, and
 * above which any {@code UPDATE}/{@code DELETE} is an {@code unbounded-backfill}
 */
public record LintSettings(Mode mode, Map<String, RuleLevel> rules, long largeTableRows) {

	public static final Mode DEFAULT_MODE = Mode.WARN;

	public static final long DEFAULT_LARGE_TABLE_ROWS = 100_000;

	/** Every default: report findings, keep each rule's severity, 100000 rows. */
	public static final LintSettings DEFAULTS = new LintSettings(DEFAULT_MODE, Map.of(), DEFAULT_LARGE_TABLE_ROWS);

	/**
	 * @throws IllegalArgumentException naming an unknown rule id and listing the known ones, or a negative row count
	 */
	public LintSettings {
		mode = (mode != null) ? mode : DEFAULT_MODE;
		rules = Map.copyOf((rules != null) ? rules : Map.of());
		for (String id : rules.keySet()) {
			if (Rule.byId(id).isEmpty()) {
				throw new IllegalArgumentException("migrator.lint.rules." + id + " names no lint rule; the rules are: "
						+ Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", ")));
			}
		}
		if (largeTableRows < 0) {
			throw new IllegalArgumentException(
					"migrator.lint.large-table-rows must not be negative, was " + largeTableRows);
		}
	}

	public LintSettings withMode(Mode mode) {
		return new LintSettings(mode, this.rules, this.largeTableRows);
	}

	public LintSettings withRule(String id, RuleLevel level) {
		Map<String, RuleLevel> changed = new LinkedHashMap<>(this.rules);
		changed.put(id, level);
		return new LintSettings(this.mode, changed, this.largeTableRows);
	}

	public LintSettings withLargeTableRows(long largeTableRows) {
		return new LintSettings(this.mode, this.rules, largeTableRows);
	}

	/**
	 * The severity a finding is reported with: a level set for the rule wins (large table or not); else the
	 * severity the rule found.
	 * @param rule the rule
	 * @param found the rule's severity for this finding (its default, or an error on a large table)
	 * @return the severity, or empty when the rule is off
	 */
	public Optional<Severity> severity(Rule rule, Severity found) {
		RuleLevel level = this.rules.get(rule.id());
		if (level == null) {
			return Optional.of(found);
		}
		return switch (level) {
			case OFF -> Optional.empty();
			case WARN -> Optional.of(Severity.WARN);
			case ERROR -> Optional.of(Severity.ERROR);
		};
	}

	/** Whether these findings stop the run before anything is applied: {@code fail} mode and an error among them. */
	public boolean stopsRun(List<Finding> findings) {
		return this.mode == Mode.FAIL && findings.stream().anyMatch((f) -> f.severity() == Severity.ERROR);
	}

	/** What {@code migrator.lint.mode} does with findings. */
	public enum Mode {

		/** Report findings (logged at startup, printed by {@code migrate}); never stop a run. */
		WARN,

		/** Report findings, and stop before anything is applied when one is an error. */
		FAIL,

		/** Do not lint. */
		OFF

	}

	/** A level set for one rule with {@code migrator.lint.rules.<id>}. */
	public enum RuleLevel {

		/** The rule never reports. */
		OFF,

		/** The rule reports warnings, also on large tables. */
		WARN,

		/** The rule reports errors. */
		ERROR

	}

}
