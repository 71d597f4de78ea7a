package dev.migrator.engine.check;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrator.engine.Journal;
import dev.migrator.engine.JournalException;
import dev.migrator.engine.MigrationSource;
import dev.migrator.engine.MigrationState;
import dev.migrator.engine.Plan;
import dev.migrator.engine.lint.Finding;
import dev.migrator.engine.Policy;

/**
 * Checks a migrations folder for CI without a database, and optionally against one: every problem at once, each a
 * {@link CheckFinding} with its rule, file and line.
 *
 * <p>Steps of {@link #folder(MigrationSource, Policy, Instant)}:
 * <ol>
 * <li>list the folder, and let the engine read its structure (layout, journal, entries) with every migration file
 * taken as empty; if the engine refuses it, that refusal is the one finding, as nothing else can be read;</li>
 * <li>let the engine read each migration alone ({@link FolderPieces}): a missing, non-UTF-8 or unsplittable file is a
 * finding, and the next migration is still read;</li>
 * <li>let the engine judge each file no migration names, one at a time, under the configured
 * {@code on-unjournaled} policy: a leftover warns, any other unlisted file is an error (under {@code auto});</li>
 * <li>check the journal as Drizzle needs it ({@link JournalRules}): idx, the order and age of {@code when}, tags;</li>
 * <li>flag each migration that runs statements needing autocommit inside a transaction.</li>
 * </ol>
 * {@link #against(CheckReport, Plan, Policy)} then adds what the database's history says.
 */
public final class Check {

	private Check() {
	}

	/**
	 * Checks a folder without a database.
	 * @param source the folder
	 * @param policy the policies; only {@code on-unjournaled} matters here
	 * @param now the time, to tell a {@code when} in the future
	 * @return the findings
	 */
	public static CheckReport folder(MigrationSource source, Policy policy, Instant now) {
		List<String> files;
		byte[] journalBytes;
		try {
			files = source.files();
			journalBytes = source.read(JournalLines.PATH).orElse(null);
		}
		catch (IOException ex) {
			return new CheckReport(source.description(), List.of(CheckRule.UNREADABLE.finding(Severity.ERROR,
					CheckFinding.FOLDER, 1, "Cannot read " + source.description() + ": " + ex.getMessage(),
					"Check that the migrations folder and its files are readable.")));
		}
		JournalLines lines = (journalBytes != null) ? JournalLines.parse(journalBytes) : JournalLines.parse(new byte[0]);
		Journal structure;
		try {
			structure = Journal.read(FolderView.structure(source, files), Policy.OnUnjournaled.WARN);
		}
		catch (JournalException ex) {
			boolean journalOnly = journalBytes != null && files.stream().noneMatch(FolderPieces::isMigrationFolderFile);
			return new CheckReport(source.description(),
					List.of(Refusals.finding(ex, journalOnly ? JournalLines.PATH : CheckFinding.FOLDER, 1, lines)));
		}
		List<CheckFinding> findings = new ArrayList<>(JournalRules.check(structure, lines, now));
		FolderPieces pieces = new FolderPieces(source, files, structure, lines);
		pieces.readEach(findings).forEach((migration) -> findings.addAll(UnrunnableMigration.check(migration)));
		pieces.unlisted(policy.onUnjournaled(), findings);
		return new CheckReport(source.description(), findings);
	}

	/**
	 * Adds what a database's history says about the folder: pending, modified, out-of-order migrations and unknown
	 * rows, as the policies rank them. A migration the database already has is no longer judged by how it runs; an
	 * empty one it does not have yet is an error ({@link UnrunnableMigration#WHEN_PENDING}).
	 * @param folder the report of {@link #folder(MigrationSource, Policy, Instant)}
	 * @param plan the plan against the database
	 * @param policy the policies
	 * @return the report with the database's findings
	 */
	public static CheckReport against(CheckReport folder, Plan plan, Policy policy) {
		Set<String> applied = plan.migrations()
			.stream()
			.filter((planned) -> planned.state() == MigrationState.APPLIED || planned.state() == MigrationState.MODIFIED)
			.map((planned) -> planned.migration().entry().fileName())
			.collect(Collectors.toSet());
		Set<String> pending = plan.toApply()
			.stream()
			.map((migration) -> migration.entry().fileName())
			.collect(Collectors.toSet());
		List<CheckFinding> kept = folder.findings()
			.stream()
			.filter((finding) -> !(UnrunnableMigration.RULES.contains(finding.rule()) && applied.contains(finding.file())))
			.map((finding) -> (UnrunnableMigration.WHEN_PENDING.contains(finding.rule()) && pending.contains(finding.file()))
					? new CheckFinding(finding.rule(), Severity.ERROR, finding.file(), finding.line(), finding.message(),
							finding.fix())
					: finding)
			.toList();
		return new CheckReport(folder.location(), kept).with(PlanRules.check(plan, policy));
	}

	/**
	 * Adds the lint's findings, each under its rule id. A lint error fails the check only when asked to
	 * ({@code --strict}, or {@code migrator.lint.mode=fail}); otherwise it is reported as a warning, as a run in
	 * {@code warn} mode only logs it.
	 * @param report the report so far
	 * @param findings the lint's findings
	 * @param failOnErrors whether a lint error is an error of the check
	 * @return the report with the lint's findings
	 */
	public static CheckReport withLint(CheckReport report, List<Finding> findings, boolean failOnErrors) {
		return report.with(findings.stream()
			.map((finding) -> new CheckFinding(finding.rule(),
					(failOnErrors && finding.severity() == dev.migrator.engine.lint.Severity.ERROR) ? Severity.ERROR
							: Severity.WARN,
					finding.file(), finding.line(), finding.message(), finding.fix()))
			.toList());
	}

	/**
	 * The finding for a database that was not compared because the engine cannot read the folder as a whole.
	 * @param ex why the folder cannot be read
	 * @return a warning (the folder's own findings already fail the check)
	 */
	public static CheckFinding planSkipped(JournalException ex) {
		return CheckRule.PLAN_SKIPPED.finding(Severity.WARN, CheckFinding.FOLDER, 1,
				"The database was not compared with the folder: " + ex.getMessage(),
				"Fix the folder's errors first; then the check compares it with the database.");
	}

}
