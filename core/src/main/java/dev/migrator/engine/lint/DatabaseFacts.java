package dev.migrator.engine.lint;

import java.util.OptionalLong;

/**
 * What the database says about the tables a migration touches, as they are before the run.
 *
 * <p>Two kinds: {@link #none()} for {@code migrator check}, which has no database, and {@link CatalogFacts} on a
 * connection. The lint asks only about tables a migration did not create itself: a table created earlier in the
 * same migration is new whatever the database says.
 */
public interface DatabaseFacts {

	/**
	 * Whether these facts come from a database. Offline, a migration is judged as it runs in production, where every
	 * migration before it is applied: each table it references and does not create is taken to exist, with an
	 * unknown size; so no rule fires because a table is large, and none stays silent because it is missing.
	 */
	boolean live();

	/**
	 * Whether the table exists before the run. With live facts a table that a pending migration before this one
	 * creates does not, so it counts as new: no one uses it yet and it holds only the rows the run adds.
	 * @param table the table, as the statement names it (unqualified names follow the connection's search_path)
	 * @return whether it exists; offline always {@code true}
	 */
	boolean tableExists(TableName table);

	/**
	 * The table's live rows: the planner's estimate, or a count where there is none.
	 * @param table the table
	 * @return the rows, or empty when unknown (offline, or the table does not exist)
	 */
	OptionalLong liveRows(TableName table);

	/**
	 * The table's size on disk with its indexes and TOAST ({@code pg_total_relation_size}).
	 * @param table the table
	 * @return the bytes, or empty when unknown
	 */
	OptionalLong totalBytes(TableName table);

	/** No database: static facts only (see {@link #live()}). */
	static DatabaseFacts none() {
		return Offline.INSTANCE;
	}

	/** The facts of {@link #none()}. */
	enum Offline implements DatabaseFacts {

		INSTANCE;

		@Override
		public boolean live() {
			return false;
		}

		@Override
		public boolean tableExists(TableName table) {
			return true;
		}

		@Override
		public OptionalLong liveRows(TableName table) {
			return OptionalLong.empty();
		}

		@Override
		public OptionalLong totalBytes(TableName table) {
			return OptionalLong.empty();
		}

	}

}
