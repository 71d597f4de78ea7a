package dev.migrator.engine.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migrator.engine.Migration;
import dev.migrator.engine.MigrationSource;
import dev.migrator.engine.MigratorException;

/**
 * Lints pending migrations: the one entry point of the lint.
 *
 * <p>Steps of {@link #lint(List, MigrationSource, DatabaseFacts)}:
 * <ol>
 * <li>with {@code migrator.lint.mode=off}, nothing;</li>
 * <li>for each migration, in order: take its file's text for the {@code migrator:allow} comments
 * ({@link Suppressions}) from the split, which keeps it only for a file that mentions them (so a pending file's SQL is
 * not held twice), or read it again for a migration not split from a file; then
 * check its statements against the facts ({@link MigrationLint}); each migration is judged alone, so a table created
 * earlier in the same migration is new, and with live facts so is one created by an earlier pending migration (the
 * database does not have it yet);</li>
 * <li>apply the per-rule levels of the settings: {@code off} drops a finding, {@code warn}/{@code error} set its
 * severity.</li>
 * </ol>
 * Pass only migrations that are still to be applied: an applied migration is never linted again.
 */
public final class Linter {

	private final LintSettings settings;

	public Linter(LintSettings settings) {
		this.settings = settings;
	}

	public LintSettings settings() {
		return this.settings;
	}

	/**
	 * Lints migrations whose files are in a source.
	 * @param pending the migrations to apply, in order
	 * @param source where their files are, read again for the allow comments
	 * @param facts the database's facts ({@link CatalogFacts}), or {@link DatabaseFacts#none()} offline
	 * @return the findings, migration by migration in file order
	 * @throws MigratorException when a file can no longer be read
	 */
	public List<Finding> lint(List<Migration> pending, MigrationSource source, DatabaseFacts facts) {
		List<Finding> findings = new ArrayList<>();
		if (this.settings.mode() != LintSettings.Mode.OFF) {
			for (Migration migration : pending) {
				String text = migration.lintText().orElseGet(() -> text(source, migration));
				findings.addAll(lint(migration, text, facts));
			}
		}
		return List.copyOf(findings);
	}

	/**
	 * Lints one migration.
	 * @param migration the migration
	 * @param text its file's text, for the allow comments
	 * @param facts the database's facts, or {@link DatabaseFacts#none()}
	 * @return its findings in file order
	 */
	public List<Finding> lint(Migration migration, String text, DatabaseFacts facts) {
		if (this.settings.mode() == LintSettings.Mode.OFF) {
			return List.of();
		}
		Suppressions suppressions = Suppressions.parse(migration.entry().fileName(), text, migration.statements());
		return MigrationLint.lint(migration, suppressions, facts, this.settings.largeTableRows())
			.stream()
			.flatMap((finding) -> withLevel(finding).stream())
			.toList();
	}

	private Optional<Finding> withLevel(Finding finding) {
		Rule rule = Rule.byId(finding.rule()).orElseThrow();
		return this.settings.severity(rule, finding.severity())
			.map((severity) -> new Finding(finding.rule(), severity, finding.file(), finding.line(), finding.column(),
					finding.message(), finding.fix()));
	}

	private static String text(MigrationSource source, Migration migration) {
		String file = migration.entry().fileName();
		try {
			byte[] bytes = source.read(file)
				.orElseThrow(() -> new IOException("it is no longer in " + source.description()));
			// the journal has checked that the file is UTF-8
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigratorException("Could not read " + file + " again for the lint: " + ex.getMessage(),
					"Check that the migrations folder did not change while starting, or set migrator.lint.mode=off.",
					ex);
		}
	}

}
