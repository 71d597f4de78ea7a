package dev.migrator.engine.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the statements of one migration have done to tables so far: created, dropped, renamed, constraints
 * validated. Names are compared with {@link TableName#sameAs(TableName)}.
 */
final class MigrationTables {

	private final List<TableName> created = new ArrayList<>();

	private final Map<TableName, Integer> dropped = new HashMap<>();

	private final Map<TableName, TableName> renamedFrom = new HashMap<>();

	private final List<TableName> validated = new ArrayList<>();

	boolean createdHere(TableName table) {
		return this.created.stream().anyMatch(table::sameAs);
	}

	void created(TableName table) {
		this.created.add(table);
	}

	/** An existing table was dropped at this line. */
	void dropped(TableName table, int line) {
		this.dropped.put(table, line);
	}

	/** A table the migration created was dropped again. */
	void forget(TableName table) {
		this.created.removeIf(table::sameAs);
	}

	/** The line where this migration dropped the existing table, or -1. */
	int droppedAt(TableName table) {
		return this.dropped.entrySet()
			.stream()
			.filter((e) -> e.getKey().sameAs(table))
			.mapToInt(Map.Entry::getValue)
			.findFirst()
			.orElse(-1);
	}

	/** A rename: a new table stays new under its new name; an existing one keeps its database facts. */
	void renamed(TableName from, TableName to) {
		if (createdHere(from)) {
			this.created.add(to);
		}
		else {
			this.renamedFrom.put(to, original(from));
		}
	}

	/** The name the database knows a table by, before this migration renamed it. */
	TableName original(TableName table) {
		return this.renamedFrom.entrySet()
			.stream()
			.filter((e) -> e.getKey().sameAs(table))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(table);
	}

	void validated(TableName table) {
		this.validated.add(table);
	}

	/** Whether an earlier statement ran {@code VALIDATE CONSTRAINT} on the table. */
	boolean validatedEarlier(TableName table) {
		return this.validated.stream().anyMatch(table::sameAs);
	}

}
