package dev.migrator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migrator.engine.Journal;
import dev.migrator.engine.JournalException;
import dev.migrator.engine.MigrationSource;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.engine.Plan;
import dev.migrator.engine.Policy;
import dev.migrator.engine.check.Check;
import dev.migrator.engine.check.CheckReport;
import dev.migrator.engine.check.ReportFormat;
import dev.migrator.engine.lint.DatabaseFacts;
import dev.migrator.engine.lint.Finding;
import dev.migrator.engine.lint.LintSettings;
import dev.migrator.engine.lint.Linter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migrator check}: the CI gate. Checks the folder without a database ({@link Check}); with {@code --url} or
 * {@code --database}, also compares it with that database's history. Exits 1 when a finding is an error.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
		header = "Check the migrations folder (and, if asked, a database) for CI.",
		description = { "Reports every problem of the folder at once, each with its rule id, file, line and fix:"
				+ " what migrate would refuse (missing, unjournaled, non-UTF-8 or unsplittable files, a malformed journal,"
				+ " duplicates), what Drizzle needs from the journal (idx 0..n-1, increasing when, no when in the future,"
				+ " NNNN_snake_case tags) and migrations that mix statements needing autocommit into a transaction. A"
				+ " leftover file sharing a journaled number is a warning.",
				"Needs no database. With --url (or --database, which finds the URL as the other commands do), also"
						+ " reports what is pending, MODIFIED, OUT_OF_ORDER or UNKNOWN there, under the policies.",
				"Also lints the migrations (see the README's Safety section): without a database every one, judged on its"
						+ " own; with one, only the pending ones, against its catalog. Lint errors fail the check with"
						+ " --strict or --lint fail; else they are reported as warnings.",
				"Exits 0 when no finding is an error, 1 otherwise." },
		footerHeading = "%nExamples:%n",
		footer = { "  java -jar migrator.jar check --dir drizzle",
				"  java -jar migrator.jar check --dir drizzle --format github      # annotations in a GitHub workflow",
				"  java -jar migrator.jar check --dir drizzle --database --json | jq '.findings[].rule'" })
final class CheckCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectionOptions connection;

	@Mixin
	SettingsOptions settings;

	@Option(names = "--database", order = 0,
			description = "Also compare with the database that $DATABASE_URL, ROOT_ENV or ./.env names (implied by --url).")
	boolean database;

	@Option(names = "--format", paramLabel = "text|json|github", order = 0,
			description = "text (default), json, or github: ::error workflow commands that GitHub shows as annotations.")
	ReportFormat format = ReportFormat.TEXT;

	@Option(names = "--json", order = 0, description = "Same as --format json.")
	boolean json;

	@Option(names = "--strict", order = 0,
			description = "Fail on the lint's error findings too (as --lint fail does); else they are reported as warnings.")
	boolean strict;

	@Override
	public Integer call() {
		MigratorSettings migratorSettings = this.settings.toSettings();
		MigrationSource source = MigrationSource.of(migratorSettings.location(), getClass().getClassLoader());
		CheckReport report = Check.folder(source, migratorSettings.policy(), Instant.now());
		boolean failOnLint = this.strict || migratorSettings.lint().mode() == LintSettings.Mode.FAIL;
		if (this.database || this.connection.url != null) {
			report = againstDatabase(report, migratorSettings, source, failOnLint);
		}
		else {
			report = Check.withLint(report, offlineLint(migratorSettings, source), failOnLint);
		}
		PrintWriter out = this.spec.commandLine().getOut();
		ReportFormat chosen = this.json ? ReportFormat.JSON : this.format;
		chosen.render(report, this.settings.dir.toString()).forEach(out::println);
		out.flush();
		return report.passed() ? 0 : Failures.FAILED;
	}

	/**
	 * Without a database every migration is linted, each as it would run on a database that has every table it does
	 * not create itself; with one, only the pending ones, against its catalog.
	 */
	private static List<Finding> offlineLint(MigratorSettings migratorSettings, MigrationSource source) {
		try {
			Journal journal = Journal.read(source, Policy.OnUnjournaled.WARN);
			return new Linter(migratorSettings.lint()).lint(journal.migrations(), source, DatabaseFacts.none());
		}
		catch (JournalException ex) {
			// the folder's own findings say what is wrong; the lint needs a readable folder
			return List.of();
		}
	}

	private CheckReport againstDatabase(CheckReport report, MigratorSettings migratorSettings, MigrationSource source,
			boolean failOnLint) {
		ConnectionOptions.Resolved resolved = this.connection.resolve(System.getenv(), Path.of("").toAbsolutePath());
		PrintWriter err = this.spec.commandLine().getErr();
		err.println(resolved.describe());
		err.flush();
		Policy policy = migratorSettings.policy();
		// unlisted files were judged above; here they must not keep the plan from being made
		MigratorSettings planning = migratorSettings
			.withPolicy(new Policy(policy.outOfOrder(), policy.onModified(), Policy.OnUnjournaled.WARN));
		try (SingleConnectionDataSource dataSource = DatabaseCommand.connect(resolved)) {
			Plan plan = new Migrator(dataSource, planning, source).status();
			return Check.withLint(Check.against(report, plan, policy), plan.findings(), failOnLint);
		}
		catch (JournalException ex) {
			return report.with(List.of(Check.planSkipped(ex)));
		}
	}

}
