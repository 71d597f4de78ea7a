package dev.migrator.engine.lint;

import java.util.List;

import dev.migrator.engine.JournalEntry;
import dev.migrator.engine.Migration;
import dev.migrator.engine.StatementSplitter;
import dev.migrator.testsupport.MigrationsFolder;

/** Migrations made from SQL text, and the lint run on them, for the lint's tests. */
final class LintFixture {

	static final String FILE = "0007_change.sql";

	private LintFixture() {
	}

	/** A migration {@code 0007_change} holding the SQL, split as the engine splits files. */
	static Migration migration(String sql) {
		return new Migration(new JournalEntry(7, MigrationsFolder.FIRST_WHEN, "0007_change", true), "hash",
				StatementSplitter.split(FILE, sql));
	}

	/** The findings of the SQL as a migration, offline, with the default settings. */
	static List<Finding> offline(String sql) {
		return lint(sql, LintSettings.DEFAULTS, DatabaseFacts.none());
	}

	static List<Finding> lint(String sql, LintSettings settings, DatabaseFacts facts) {
		return new Linter(settings).lint(migration(sql), sql, facts);
	}

	/** The findings of one rule. */
	static List<Finding> of(Rule rule, List<Finding> findings) {
		return findings.stream().filter((finding) -> finding.rule().equals(rule.id())).toList();
	}

}
