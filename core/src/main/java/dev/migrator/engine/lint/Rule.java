package dev.migrator.engine.lint;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lint rules. Each id is stable: suppression comments, {@code migrator.lint.rules.<id>} and reports use it.
 *
 * <p>A rule that {@link #escalates()} reports an {@link Severity#ERROR} instead of its default severity when the
 * database says the table holds more live rows than {@code migrator.lint.large-table-rows}: the lock it describes is
 * then held for as long as a scan or rewrite of that table takes.
 */
public enum Rule {

	INDEX_NOT_CONCURRENT("index-not-concurrent", Severity.WARN, true,
			"builds an index while holding a lock that blocks every write to the table until the build ends",
			"build it with CREATE INDEX CONCURRENTLY in a migration of its own (Migrator runs such a migration in"
					+ " autocommit); for a constraint, build the unique index concurrently, then ADD CONSTRAINT ..."
					+ " USING INDEX"),

	ADD_COLUMN_NOT_NULL("add-column-not-null", Severity.ERROR, false,
			"fails on any table that holds a row, as existing rows would get NULL",
			"add the column nullable (backfill it, then SET NOT NULL the safe way), or give it a constant DEFAULT"),

	ADD_COLUMN_VOLATILE_DEFAULT("add-column-volatile-default", Severity.WARN, true,
			"rewrites every row of the table under an ACCESS EXCLUSIVE lock, as a volatile value must be computed"
					+ " per row",
			"add the column nullable without the default, backfill it in batches, then ALTER COLUMN ... SET DEFAULT"),

	SET_NOT_NULL("set-not-null", Severity.WARN, true,
			"scans the whole table under an ACCESS EXCLUSIVE lock to prove there is no NULL",
			"add CHECK (column IS NOT NULL) NOT VALID, then in a later migration VALIDATE CONSTRAINT and SET NOT NULL"
					+ " (PostgreSQL 12+ skips the scan when a validated CHECK proves it), then drop the CHECK"),

	CONSTRAINT_NOT_VALID("constraint-not-valid", Severity.WARN, true,
			"checks every existing row while holding a lock that blocks writes",
			"add the constraint with NOT VALID (it then holds for new rows only, at once), and VALIDATE CONSTRAINT in a"
					+ " later migration, which lets writes go on"),

	ALTER_COLUMN_TYPE("alter-column-type", Severity.WARN, true,
			"usually rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, and old code may not read the"
					+ " new type",
			"add a column of the new type, backfill it in batches, switch the code over, then drop the old column;"
					+ " a change PostgreSQL does without rewrite (varchar(n) to text, a longer varchar) can be"
					+ " suppressed with that reason"),

	DROP_COLUMN("drop-column", Severity.WARN, false,
			"breaks the release still running during a rolling deploy, which reads or writes the column",
			"stop using the column in a release first, drop it only after every deployment rolled forward, and"
					+ " suppress this with that reason"),

	RENAME_COLUMN("rename-column", Severity.WARN, false,
			"breaks the release still running during a rolling deploy, which uses the old name",
			"add a new column and backfill it (or keep both names in code) until every deployment rolled forward;"
					+ " suppress this with that reason"),

	RENAME_TABLE("rename-table", Severity.WARN, false,
			"breaks the release still running during a rolling deploy, which uses the old name",
			"rename only after every deployment stopped using the old name (a view with the old name can bridge);"
					+ " suppress this with that reason"),

	DROP_TABLE("drop-table", Severity.WARN, false,
			"deletes the table and its data, and breaks the release still running during a rolling deploy",
			"stop using the table in a release first, drop it only after every deployment rolled forward, and"
					+ " suppress this with that reason"),

	DROP_RECREATE_TABLE("drop-recreate-table", Severity.ERROR, false,
			"loses every row the table held, as the migration drops and creates it",
			"ALTER TABLE the existing table instead; if losing its data is intended, suppress this with that reason"),

	UNBOUNDED_BACKFILL("unbounded-backfill", Severity.WARN, true,
			"runs a backfill inside the migration's transaction, holding a lock on every row it changes until the"
					+ " migration ends",
			"run the backfill as a one-shot script outside migrations, in batches (WHERE id BETWEEN ...), after the"
					+ " schema change is deployed"),

	ENUM_VALUE_USED_IN_SAME_MIGRATION("enum-value-used-in-same-migration", Severity.ERROR, false,
			"cannot be used until the transaction that added it commits: PostgreSQL refuses it with SQLSTATE 55P04"
					+ " (unsafe use of new value)",
			"move the statements that use the value to the next migration, or end the transaction with COMMIT;"
					+ " between ADD VALUE and the first use"),

	SUPPRESSION_WITHOUT_REASON("suppression-without-reason", Severity.WARN, false,
			"a migrator:allow comment without a reason silences nothing",
			"write the reason after the rule id: -- migrator:allow <rule-id> <why this is safe here>"),

	SUPPRESSION_INVALID("suppression-invalid", Severity.WARN, false,
			"a migrator:allow comment that names no known rule, or stands where it reaches no statement, silences"
					+ " nothing",
			"name a rule id from the list, and put the comment on the line(s) directly above the statement, or at"
					+ " the top of the file followed by a blank line for the whole file");

	private final String id;

	private final Severity severity;

	private final boolean escalates;

	private final String rationale;

	private final String fix;

	Rule(String id, Severity severity, boolean escalates, String rationale, String fix) {
		this.id = id;
		this.severity = severity;
		this.escalates = escalates;
		this.rationale = rationale;
		this.fix = fix;
	}

	/** The stable kebab-case id. */
	public String id() {
		return this.id;
	}

	/** The severity unless the table is large (see {@link #escalates()}) or the settings say otherwise. */
	public Severity severity() {
		return this.severity;
	}

	/** Whether the finding becomes an error on a table above the large-table threshold. */
	public boolean escalates() {
		return this.escalates;
	}

	/** Why the statement is a problem, as the second half of a finding's message. */
	public String rationale() {
		return this.rationale;
	}

	/** What to do instead. */
	public String fix() {
		return this.fix;
	}

	/** Whether a {@code migrator:allow} comment may silence it (the suppression rules themselves cannot be). */
	public boolean suppressible() {
		return this != SUPPRESSION_WITHOUT_REASON && this != SUPPRESSION_INVALID;
	}

	/** The rule with this id. */
	public static Optional<Rule> byId(String id) {
		return Arrays.stream(values()).filter((rule) -> rule.id.equals(id)).findFirst();
	}

}
