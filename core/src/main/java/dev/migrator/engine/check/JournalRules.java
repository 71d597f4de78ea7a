package dev.migrator.engine.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.migrator.engine.Journal;
import dev.migrator.engine.JournalEntry;
import dev.migrator.engine.Migration;
import tools.jackson.databind.JsonNode;

/**
 * What Drizzle needs from a journal that the engine does not refuse: {@code idx} 0, 1, 2, ... in order (drizzle-kit
 * numbers the next migration from the last one), {@code when} increasing (Drizzle's runner applies only entries newer
 * than the last applied one) and not in the future, and tags as drizzle-kit writes them. In the 1.0 layout only the
 * folder names are checked: the folders' order is their names'.
 */
final class JournalRules {

	/** How far ahead a {@code when} may be before it is taken for a mistake (clock skew between machines). */
	static final Duration FUTURE = Duration.ofDays(1);

	/**
	 * A tag as drizzle-kit writes one: a number (the index in four digits, or a timestamp or epoch seconds with its
	 * {@code migrations.prefix}), {@code _} and a name, which {@code --name} may give in any case and with {@code -}.
	 */
	private static final Pattern TAG = Pattern.compile("\\d{4,}_[A-Za-z0-9_-]+");

	private static final Pattern FOLDER = Pattern.compile("\\d{14}_[A-Za-z0-9_-]+");

	private JournalRules() {
	}

	static List<CheckFinding> check(Journal journal, JournalLines lines, Instant now) {
		List<CheckFinding> findings = new ArrayList<>();
		List<Migration> migrations = journal.migrations();
		if (journal.layout() == Journal.Layout.FOLDERS) {
			for (Migration migration : migrations) {
				if (!FOLDER.matcher(migration.tag()).matches()) {
					findings.add(CheckRule.TAG_FORMAT.finding(Severity.ERROR, migration.entry().fileName(), 1,
							"Folder " + migration.tag() + "/ is not named <YYYYMMDDHHMMSS>_<name>",
							"Rename it as drizzle-kit names folders (letters, digits, _ and - after the timestamp)"
									+ " before it is applied anywhere: the name is its identity in the history."));
				}
			}
			return findings;
		}
		if (lines.entries().size() != migrations.size()) {
			return findings;
		}
		for (int i = 0; i < migrations.size(); i++) {
			JournalEntry entry = migrations.get(i).entry();
			JournalLines.Entry written = lines.entries().get(i);
			String name = "Entry " + i + " of " + JournalLines.PATH + " (tag \"" + entry.tag() + "\")";
			JsonNode idx = written.node().path("idx");
			if (!idx.isIntegralNumber() || idx.longValue() != i) {
				findings.add(CheckRule.IDX_ORDER.finding(Severity.ERROR, JournalLines.PATH, written.lineOf("idx"),
						name + " has " + (idx.isMissingNode() ? "no idx" : "idx " + idx) + ", but the entries' idx must"
								+ " run 0, 1, 2, ... in order: drizzle-kit numbers the next migration after the last idx",
						"Set its \"idx\" to " + i + " (each entry's idx is its position in \"entries\")."));
			}
			if (i > 0 && entry.when() <= migrations.get(i - 1).entry().when()) {
				JournalEntry before = migrations.get(i - 1).entry();
				findings.add(CheckRule.WHEN_ORDER.finding(Severity.ERROR, JournalLines.PATH, written.lineOf("when"),
						name + " has when " + entry.when() + ", not newer than the entry before it (" + before.tag()
								+ ", " + before.when() + "): Drizzle's runner applies only entries newer than the last"
								+ " applied one, so it would skip " + entry.tag() + " on a database that has " + before.tag(),
						"If " + entry.tag() + " was never applied anywhere, give it a \"when\" newer than "
								+ before.when() + " (or add it again with migrator new); else keep the order of \"when\""
								+ " and move the entry."));
			}
			if (Instant.ofEpochMilli(entry.when()).isAfter(now.plus(FUTURE))) {
				findings.add(CheckRule.WHEN_FUTURE.finding(Severity.ERROR, JournalLines.PATH, written.lineOf("when"),
						name + " has when " + entry.when() + " (" + Instant.ofEpochMilli(entry.when()) + "), more than a"
								+ " day ahead of now (" + now + "): once it is applied, Drizzle's runner skips every"
								+ " migration written before that time",
						"Before it is applied anywhere, set its \"when\" to the time it was written, in epoch"
								+ " milliseconds (such as " + now.toEpochMilli() + ")."));
			}
			if (!TAG.matcher(entry.tag()).matches()) {
				findings.add(CheckRule.TAG_FORMAT.finding(Severity.ERROR, JournalLines.PATH, written.lineOf("tag"),
						name + " is not <NNNN>_<name>, as drizzle-kit writes tags",
						"Before it is applied anywhere, rename " + entry.fileName() + " and its tag to the entry's"
								+ " number and a name of letters, digits, _ and -, such as " + String.format("%04d", i)
								+ "_add_users."));
			}
		}
		return findings;
	}

}
