package dev.migrator.engine.check;

/**
 * The rules of {@link Check}, each with its stable id. The first group names what the engine itself refuses when it
 * reads a folder; the second checks what Drizzle Kit's journal must hold for Drizzle to run it; the last compares the
 * folder with a database.
 */
public enum CheckRule {

	LAYOUT_CONFLICT("layout-conflict", "meta/_journal.json and Drizzle 1.0 migration folders in one folder"),

	JOURNAL_MISSING("journal-missing", "neither meta/_journal.json nor migration folders"),

	JOURNAL_MALFORMED("journal-malformed", "meta/_journal.json is not Drizzle Kit's JSON"),

	JOURNAL_DUPLICATE("journal-duplicate", "two entries with the same tag or when"),

	FILE_MISSING("file-missing", "an entry without its .sql file"),

	UNJOURNALED_FILE("unjournaled-file", "a .sql file the journal does not list (never runs)"),

	LEFTOVER_FILE("leftover-file", "an unlisted .sql file sharing a journaled migration's number"),

	STRAY_FILE("stray-file", "a .sql file or folder beside Drizzle 1.0 migration folders (never runs)"),

	FOLDER_NAME("folder-name", "a Drizzle 1.0 migration folder whose name is not <YYYYMMDDHHMMSS>_<name>"),

	NOT_UTF8("not-utf8", "a file that is not UTF-8"),

	UNCLOSED("unclosed-quote-or-comment", "a string, quoted identifier, comment or dollar quote never closed"),

	UNREADABLE("unreadable", "a file or folder that cannot be read"),

	IDX_ORDER("idx-order", "idx not 0, 1, 2, ... in journal order"),

	WHEN_ORDER("when-order", "when not increasing with idx (Drizzle skips the older entry)"),

	WHEN_FUTURE("when-future", "when more than a day ahead (it would swallow later migrations)"),

	TAG_FORMAT("tag-format", "a tag or folder name not <number>_<name>, as drizzle-kit writes them"),

	MIXED_TRANSACTION("mixed-transaction", "statements that cannot run in a transaction inside one"),

	EMPTY_MIGRATION("empty-migration", "a migration file with only blanks and comments"),

	FILE_TOO_LARGE("file-too-large", "a migration file over 16 MiB (a data load, not a migration)"),

	PSQL_ONLY("psql-only", "a psql meta-command or a COPY from STDIN or to STDOUT, which only psql runs"),

	PENDING("pending", "a migration the database does not have yet"),

	MODIFIED("modified", "an applied migration whose file changed since"),

	OUT_OF_ORDER("out-of-order", "a pending migration older than the newest applied one"),

	UNKNOWN_ROW("unknown-row", "a history row no migration matches"),

	PLAN_SKIPPED("plan-skipped", "the database was not compared because the folder cannot be read");

	private final String id;

	private final String description;

	CheckRule(String id, String description) {
		this.id = id;
		this.description = description;
	}

	/** The stable kebab-case id reports show. */
	public String id() {
		return this.id;
	}

	/** What breaks the rule, in a few words. */
	public String description() {
		return this.description;
	}

	CheckFinding finding(Severity severity, String file, int line, String message, String fix) {
		return new CheckFinding(this.id, severity, file, line, message, fix);
	}

}
