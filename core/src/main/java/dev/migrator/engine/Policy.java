package dev.migrator.engine;

/**
 * The three choices a user makes about a journal that does not line up with the database.
 *
 * @param outOfOrder what to do with a pending entry older than the newest applied one
 * @param onModified what to do with an applied entry whose file changed since
 * @param onUnjournaled what to do with a {@code .sql} file the journal does not list
 */
public record Policy(OutOfOrder outOfOrder, OnProblem onModified, OnUnjournaled onUnjournaled) {

	/** The defaults: fail on everything but a leftover file that shares its number with a journaled migration. */
	public static final Policy DEFAULT = new Policy(OutOfOrder.FAIL, OnProblem.FAIL, OnUnjournaled.AUTO);

	/** Fail on everything, leftovers included. */
	public static final Policy STRICT = new Policy(OutOfOrder.FAIL, OnProblem.FAIL, OnUnjournaled.FAIL);

	/** What to do with an out-of-order entry. */
	public enum OutOfOrder {

		/** Refuse to start: nothing is applied. */
		FAIL,

		/** Apply it, in journal order, with the other pending entries. */
		APPLY

	}

	/** Whether a problem stops the run or is only reported. */
	public enum OnProblem {

		/** Refuse to start: nothing is applied. */
		FAIL,

		/** Log a warning and go on. */
		WARN

	}

	/** What to do with a {@code .sql} file in the folder that the journal does not list. */
	public enum OnUnjournaled {

		/**
		 * Warn about a leftover of a regenerate or merge (its {@code NNNN} number belongs to a journaled migration,
		 * which Drizzle ignores too); refuse any other unlisted file, which is usually a forgotten registration.
		 */
		AUTO,

		/** Refuse to start for any unlisted file: nothing is applied. */
		FAIL,

		/** Log a warning for any unlisted file and go on. */
		WARN

	}

}
