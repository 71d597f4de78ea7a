package dev.migrator.engine.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a check found: the findings of every rule that ran, in the order the folder reads (journal problems first,
 * then each migration, then the database).
 *
 * @param location the migrations folder, as configured
 * @param findings every finding
 */
public record CheckReport(String location, List<CheckFinding> findings) {

	public CheckReport {
		findings = List.copyOf(findings);
	}

	/** This report with more findings after its own, such as those of lint rules or of the database. */
	public CheckReport with(Collection<CheckFinding> more) {
		List<CheckFinding> all = new ArrayList<>(this.findings);
		all.addAll(more);
		return new CheckReport(this.location, all);
	}

	/** How many findings fail the check. */
	public long errors() {
		return this.findings.stream().filter(CheckFinding::error).count();
	}

	/** How many findings only warn. */
	public long warnings() {
		return this.findings.size() - errors();
	}

	/** Whether no finding is an error. */
	public boolean passed() {
		return errors() == 0;
	}

	/** Whether a finding of this rule is in the report. */
	public boolean has(String rule) {
		return this.findings.stream().anyMatch((finding) -> finding.rule().equals(rule));
	}

}
