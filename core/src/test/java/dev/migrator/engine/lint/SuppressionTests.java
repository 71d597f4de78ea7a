package dev.migrator.engine.lint;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.migrator.engine.lint.LintFixture.FILE;
import static dev.migrator.engine.lint.LintFixture.offline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code -- migrator:allow <rule-id> <reason>} comments. */
class SuppressionTests {

	@Test
	void commentWithReasonDirectlyAboveSilencesExactlyThatStatement() {
		List<Finding> findings = offline("""
				-- migrator:allow index-not-concurrent orders is reference data with 40 rows
				CREATE INDEX orders_a_idx ON orders (a);
				CREATE INDEX orders_b_idx ON orders (b);
				""");
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo("index-not-concurrent");
			assertThat(finding.line()).isEqualTo(3);
		});
	}

	@Test
	void commentSilencesOnlyTheRuleItNames() {
		List<Finding> findings = offline("""
				-- migrator:allow drop-column nothing reads legacy since release 41
				ALTER TABLE orders DROP COLUMN legacy, ALTER COLUMN total SET NOT NULL;
				""");
		assertThat(findings).extracting(Finding::rule).containsExactly("set-not-null");
	}

	@Test
	void commentsAboveAStatementMayStandAmongOtherCommentLines() {
		assertThat(offline("""
				CREATE TABLE audit (id int);
				--> statement-breakpoint
				-- migrator:allow drop-table replaced by audit in release 12
				-- Hand-written: the old table goes.
				-- migrator:allow drop-column the same release stopped writing it
				DROP TABLE old_audit;--> statement-breakpoint
				ALTER TABLE orders DROP COLUMN audit_id;
				""")).extracting(Finding::rule, Finding::line).containsExactly(tuple("drop-column", 7));
	}

	@Test
	void commentWithoutReasonSilencesNothingAndIsItselfAFinding() {
		List<Finding> findings = offline("""
				-- migrator:allow drop-table
				DROP TABLE legacy;
				""");
		assertThat(findings).extracting(Finding::rule, Finding::line, Finding::column)
			.containsExactly(tuple("suppression-without-reason", 1, 1),
					tuple("drop-table", 2, 12));
		assertThat(findings.get(0).file()).isEqualTo(FILE);
		assertThat(findings.get(0).message())
			.isEqualTo("-- migrator:allow drop-table gives no reason, so it silences nothing");
	}

	@Test
	void commentsAtTheTopFollowedByABlankLineSilenceTheWholeFile() {
		assertThat(offline("""
				-- Custom SQL migration file, put your code below! --
				-- migrator:allow index-not-concurrent tokens holds a few hundred rows of reference data

				CREATE INDEX tokens_a_idx ON tokens (a);
				CREATE INDEX tokens_b_idx ON tokens (b);
				DROP TABLE legacy;
				""")).extracting(Finding::rule).containsExactly("drop-table");
	}

	@Test
	void commentSeparatedFromItsStatementByABlankLineBelowTheTopReachesNoStatement() {
		List<Finding> findings = offline("""
				CREATE TABLE audit (id int);
				-- migrator:allow drop-table replaced by audit

				DROP TABLE legacy;
				""");
		assertThat(findings).extracting(Finding::rule, Finding::line)
			.containsExactly(tuple("suppression-invalid", 2),
					tuple("drop-table", 4));
		assertThat(findings.get(0).message()).contains("reaches no statement");
	}

	@Test
	void unknownRuleIdIsAFindingListingTheRules() {
		List<Finding> findings = offline("-- migrator:allow drop-colum typo\nALTER TABLE orders DROP COLUMN legacy;");
		assertThat(findings).extracting(Finding::rule).containsExactly("suppression-invalid", "drop-column");
		assertThat(findings.get(0).message()).startsWith("-- migrator:allow drop-colum names no lint rule")
			.contains("drop-column, rename-column");
	}

	@Test
	void theSuppressionRulesCannotBeSilencedByAComment() {
		assertThat(offline("""
				-- migrator:allow suppression-without-reason because
				-- migrator:allow drop-table
				DROP TABLE legacy;
				""")).extracting(Finding::rule)
			.containsExactly("suppression-invalid", "suppression-without-reason", "drop-table");
	}

	@Test
	void commentInsideAStatementReachesNoStatement() {
		assertThat(offline("""
				UPDATE orders SET total = 0
				-- migrator:allow unbounded-backfill too late here
				;
				""")).extracting(Finding::rule).containsExactly("unbounded-backfill", "suppression-invalid");
	}

	@Test
	void statementLevelCommentAtTheTopWithoutBlankLineCoversOnlyTheFirstStatement() {
		assertThat(offline("""
				-- migrator:allow drop-table legacy is empty since 2024
				DROP TABLE legacy;
				DROP TABLE legacy_2;
				""")).extracting(Finding::rule, Finding::line)
			.containsExactly(tuple("drop-table", 3));
	}

}
