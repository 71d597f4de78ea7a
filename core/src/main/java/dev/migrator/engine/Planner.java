package dev.migrator.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what a run does from the journal and the history rows alone: a pure function, no I/O.
 *
 * <p>Steps:
 * <ol>
 * <li>match each entry to its history row: by name where the row has one (drizzle-orm 1.0), else by
 * {@code created_at} equal to its {@code when}, else (1.0 layout) as drizzle-orm 1.0's table upgrade would; no row
 * is pending, a row with the file's hash is applied, a row with another hash is modified;</li>
 * <li>a pending entry older than the newest applied entry is out of order (Drizzle would skip it);</li>
 * <li>rows no entry matches are unknown: reported, never fatal;</li>
 * <li>the policies turn modified and out-of-order entries into problems or warnings; a pending migration that
 * would run a statement that needs autocommit inside a transaction is always a problem, and so are a pending
 * migration without statements, one with a statement only psql can run, and a history row without hash or
 * {@code created_at}.</li>
 * </ol>
 */
public final class Planner {

	private Planner() {
	}

	public static Plan plan(Journal journal, String table, List<AppliedRow> rows, Policy policy) {
		Map<String, AppliedRow> rowsByTag = new HashMap<>();
		List<AppliedRow> unknownRows = new ArrayList<>();
		Map<Long, Migration> byWhen = journal.byWhen();
		boolean named = false;
		for (AppliedRow row : rows) {
			named |= row.name() != null;
		}
		// only drizzle-orm 1.0 rows have names: a 0.x history needs no map of them
		Map<String, Migration> byName = named ? journal.byName() : Map.of();
		List<String> problems = new ArrayList<>();
		for (AppliedRow row : rows) {
			String broken = broken(row, table);
			if (broken != null) {
				problems.add(broken);
				continue;
			}
			Migration migration = match(journal, byWhen, byName, row);
			if (migration == null || rowsByTag.putIfAbsent(migration.tag(), row) != null) {
				unknownRows.add(row);
			}
		}
		long newestApplied = Long.MIN_VALUE;
		for (Migration migration : journal.migrations()) {
			if (rowsByTag.containsKey(migration.tag())) {
				newestApplied = Math.max(newestApplied, migration.entry().when());
			}
		}
		List<PlannedMigration> planned = new ArrayList<>();
		List<Migration> toApply = new ArrayList<>();
		List<String> warnings = new ArrayList<>(journal.warnings());
		for (Migration migration : journal.migrations()) {
			AppliedRow row = rowsByTag.get(migration.tag());
			MigrationState state = state(migration, row, newestApplied);
			planned.add(new PlannedMigration(migration, state, row));
			switch (state) {
				case MODIFIED -> (policy.onModified() == Policy.OnProblem.FAIL ? problems : warnings)
					.add(modified(migration, row));
				case OUT_OF_ORDER -> {
					if (policy.outOfOrder() == Policy.OutOfOrder.APPLY) {
						toApply.add(migration);
					}
					else {
						problems.add(outOfOrder(migration, journal.layout()));
					}
				}
				case PENDING -> toApply.add(migration);
				default -> {
				}
			}
		}
		for (Migration migration : toApply) {
			if (!migration.misplaced().isEmpty()) {
				problems.add(mixed(migration));
			}
			if (migration.statements().isEmpty()) {
				problems.add(empty(migration));
			}
			if (!migration.clientOnly().isEmpty()) {
				problems.add(clientOnly(migration));
			}
		}
		for (AppliedRow row : unknownRows) {
			planned.add(new PlannedMigration(null, MigrationState.UNKNOWN, row));
			warnings.add("History row id " + row.id() + " (created_at " + row.createdAt()
					+ ") matches no journal entry; it may come from a newer release");
		}
		return new Plan(journal.location(), table, List.copyOf(planned), List.copyOf(toApply), List.copyOf(problems),
				List.copyOf(warnings));
	}

	/**
	 * The migration a row records: by name where the row has one (drizzle-orm 1.0), else by {@code created_at}
	 * equal to the {@code when} (0.x), else, in the 1.0 layout, as drizzle-orm 1.0's table upgrade would match it.
	 */
	private static Migration match(Journal journal, Map<Long, Migration> byWhen, Map<String, Migration> byName,
			AppliedRow row) {
		if (row.name() != null) {
			return byName.get(row.name());
		}
		Migration migration = (row.createdAt() != null) ? byWhen.get(row.createdAt()) : null;
		if (migration == null && journal.layout() == Journal.Layout.FOLDERS) {
			migration = NameUpgrade.match(journal.migrations(), row);
		}
		return migration;
	}

	private static MigrationState state(Migration migration, AppliedRow row, long newestApplied) {
		if (row != null) {
			return row.hash().equals(migration.hash()) ? MigrationState.APPLIED : MigrationState.MODIFIED;
		}
		return migration.entry().when() < newestApplied ? MigrationState.OUT_OF_ORDER : MigrationState.PENDING;
	}

	/**
	 * What makes a history row unusable, or {@code null}: without a hash a changed file cannot be told, and without
	 * {@code created_at} (and name) the row records no migration, while drizzle-orm's runner takes it for the newest
	 * and runs every migration again.
	 */
	private static String broken(AppliedRow row, String table) {
		if (row.hash() == null) {
			return "History row id " + row.id() + " of " + table + " has no hash (NULL), which Drizzle never writes:"
					+ " set it to the SHA-256 of its migration's file, or delete the row if that migration never ran";
		}
		if (row.createdAt() == null && row.name() == null) {
			return "History row id " + row.id() + " of " + table + " has no created_at (NULL): it names no migration,"
					+ " and drizzle-orm's runner would take it for the newest one and run every migration again: set"
					+ " created_at to its migration's \"when\", or delete the row if that migration never ran";
		}
		return null;
	}

	private static String empty(Migration migration) {
		return migration.entry().fileName() + " has no statements, only blanks or comments: recorded now, it would"
				+ " count as applied, and what is written into it later would never run (drizzle-kit generate --custom"
				+ " writes such a file to be filled in): fill it in, or delete it and its journal entry";
	}

	private static String modified(Migration migration, AppliedRow row) {
		return migration.entry().fileName() + " changed after it was applied (recorded hash " + row.hash()
				+ ", file hash " + migration.hash() + "): restore the file or add a new migration for the change"
				+ " (migrator.on-modified=warn accepts the edit)";
	}

	private static String outOfOrder(Migration migration, Journal.Layout layout) {
		if (layout == Journal.Layout.FOLDERS) {
			return migration.tag() + " is not applied but sorts before the newest applied migration, so it would run"
					+ " after migrations that were written after it: if it was never applied anywhere, rename its folder"
					+ " to a newer timestamp; else set migrator.out-of-order=apply";
		}
		return migration.tag() + " is not applied but is older than the newest applied migration, so Drizzle's runner"
				+ " would skip it forever: regenerate it so its \"when\" is newest, or set migrator.out-of-order=apply";
	}

	private static String clientOnly(Migration migration) {
		SqlStatement first = migration.clientOnly().get(0);
		return migration.entry().fileName() + " statement " + first.number() + " at line " + first.line() + " is "
				+ first.clientOnly() + ", which only psql runs: a migration is sent to the server as SQL statements"
				+ " (by Drizzle's runner too), with no psql to run commands or stream rows. Write the rows as INSERT ..."
				+ " VALUES (or COPY from a file on the server), and the included file's SQL into the migration";
	}

	private static String mixed(Migration migration) {
		List<String> misplaced = migration.misplaced()
			.stream()
			.map((s) -> "statement " + s.number() + " at line " + s.line())
			.toList();
		if (migration.segmented()) {
			return migration.entry().fileName() + " runs statements that cannot run in a transaction block inside a"
					+ " transaction (" + String.join(", ", misplaced) + "): end the transaction with COMMIT; before"
					+ " them, or move them to a migration of their own";
		}
		return migration.entry().fileName() + " mixes statements that cannot run in a transaction ("
				+ String.join(", ", misplaced) + ") with ordinary ones: split it so the CONCURRENTLY/VACUUM-style"
				+ " statements are a migration of their own, or end the transaction with COMMIT; before them";
	}

}
