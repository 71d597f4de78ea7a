package dev.migrator.engine.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrator.engine.Journal;
import dev.migrator.engine.JournalEntry;
import dev.migrator.engine.JournalException;
import dev.migrator.engine.Migration;
import dev.migrator.engine.MigrationSource;
import dev.migrator.engine.Policy;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a folder whose structure the engine accepted one piece at a time, each through the engine's own
 * {@code Journal.read} on a {@link FolderView} that holds only that piece: each migration alone, then each file no
 * migration names alone.
 */
final class FolderPieces {

	private static final String MIGRATION_FILE = "/migration.sql";

	private final MigrationSource source;

	private final List<String> files;

	private final Journal structure;

	private final JournalLines lines;

	private final boolean journalLayout;

	FolderPieces(MigrationSource source, List<String> files, Journal structure, JournalLines lines) {
		this.source = source;
		this.files = files;
		this.structure = structure;
		this.lines = lines;
		this.journalLayout = structure.layout() == Journal.Layout.JOURNAL;
	}

	/** Whether a file is the {@code migration.sql} of a Drizzle 1.0 migration folder. */
	static boolean isMigrationFolderFile(String file) {
		return file.indexOf('/') > 0 && file.indexOf('/') == file.lastIndexOf('/') && file.endsWith(MIGRATION_FILE);
	}

	/**
	 * Reads every migration, each alone.
	 * @param findings where a migration the engine refuses is reported
	 * @return the migrations that could be read, with their statements
	 */
	List<Migration> readEach(List<CheckFinding> findings) {
		List<Migration> read = new ArrayList<>();
		List<Migration> migrations = this.structure.migrations();
		for (int position = 0; position < migrations.size(); position++) {
			JournalEntry entry = migrations.get(position).entry();
			FolderView alone = this.journalLayout
					? new FolderView(this.source, List.of(JournalLines.PATH, entry.fileName()),
							Map.of(JournalLines.PATH, journalOf(entry)), Set.of(entry.fileName()), false)
					: new FolderView(this.source, List.of(entry.fileName()), Map.of(), Set.of(entry.fileName()), false);
			try {
				read.add(Journal.read(alone, Policy.OnUnjournaled.WARN).verify().migrations().get(0));
			}
			catch (JournalException ex) {
				CheckFinding finding = Refusals.finding(ex, entry.fileName(), 1, this.lines);
				if (finding.rule().equals(CheckRule.FILE_MISSING.id())) {
					// the engine read the entry from a journal of one, as idx 0: name the entry as the journal has it
					JournalException missing = this.journalLayout ? Journal.missingFile(this.source, entry) : null;
					finding = new CheckFinding(finding.rule(), finding.severity(), JournalLines.PATH,
							this.lines.lineOf(position), (missing != null) ? missing.getMessage() : finding.message(),
							(missing != null) ? missing.action() : finding.fix());
				}
				findings.add(finding);
			}
		}
		return read;
	}

	/**
	 * Judges each file no migration names, alone, under the policy: the engine refuses it (an error) or warns (a
	 * leftover under {@code auto}, anything under {@code warn}).
	 * @param onUnjournaled the configured policy
	 * @param findings where each is reported
	 */
	void unlisted(Policy.OnUnjournaled onUnjournaled, List<CheckFinding> findings) {
		List<String> listed = new ArrayList<>();
		if (this.journalLayout) {
			listed.add(JournalLines.PATH);
		}
		this.structure.migrations().forEach((migration) -> listed.add(migration.entry().fileName()));
		for (Map.Entry<String, List<String>> unlisted : unlistedFiles(listed).entrySet()) {
			List<String> viewFiles = new ArrayList<>(listed);
			viewFiles.addAll(unlisted.getValue());
			FolderView view = new FolderView(this.source, viewFiles, Map.of(), Set.of(JournalLines.PATH), true);
			CheckRule rule = !this.journalLayout ? CheckRule.STRAY_FILE
					: (onUnjournaled == Policy.OnUnjournaled.AUTO) ? CheckRule.LEFTOVER_FILE : CheckRule.UNJOURNALED_FILE;
			try {
				for (String warning : Journal.read(view, onUnjournaled).warnings()) {
					findings.add(rule.finding(Severity.WARN, unlisted.getKey(), 1, warning, warningFix(rule)));
				}
			}
			catch (JournalException ex) {
				CheckRule refused = this.journalLayout ? CheckRule.UNJOURNALED_FILE : CheckRule.STRAY_FILE;
				findings.add(refused.finding(Severity.ERROR, unlisted.getKey(), 1, ex.getMessage(), ex.action()));
			}
		}
	}

	/**
	 * Files that no migration names, as the engine looks for them: {@code .sql} files beside the migrations and, in
	 * the 1.0 layout, folders without {@code migration.sql}; each with the files that make it up.
	 */
	private Map<String, List<String>> unlistedFiles(List<String> listed) {
		Map<String, List<String>> unlisted = new LinkedHashMap<>();
		for (String file : this.files) {
			int slash = file.indexOf('/');
			if (slash < 0 && file.endsWith(".sql") && !listed.contains(file)) {
				unlisted.put(file, List.of(file));
			}
			else if (slash > 0 && !this.journalLayout && !listed.contains(file.substring(0, slash) + MIGRATION_FILE)) {
				unlisted.computeIfAbsent(file.substring(0, slash + 1), (folder) -> new ArrayList<>()).add(file);
			}
		}
		return unlisted;
	}

	private static String warningFix(CheckRule rule) {
		return switch (rule) {
			case LEFTOVER_FILE -> "Delete it if nothing needs it: it never runs, here or in Drizzle.";
			case STRAY_FILE -> "Move its SQL into a <YYYYMMDDHHMMSS>_<name>/migration.sql folder (migrator new makes"
					+ " one), or delete it.";
			default -> "Add it with migrator new (copy its SQL into the new file), or delete it.";
		};
	}

	/** A journal of one entry, so the engine reads that migration alone. */
	private static byte[] journalOf(JournalEntry entry) {
		ObjectNode journal = CheckJson.MAPPER.createObjectNode().put("version", "7").put("dialect", "postgresql");
		journal.putArray("entries")
			.addObject()
			.put("idx", 0)
			.put("when", entry.when())
			.put("tag", entry.tag())
			.put("breakpoints", entry.breakpoints());
		return CheckJson.MAPPER.writeValueAsBytes(journal);
	}

}
