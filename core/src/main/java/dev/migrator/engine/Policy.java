package dev.migrator.engine;

/**
 * The three choices a user makes about a journal that does not line up with the database.
 *
 * @param outOfOrder what to do with a pending entry older than the newest applied one
 * @param onModified what to do with an applied entry whose file changed since
 * @param onUnjournaled what to do with a {@code .sql} file the journal does not list
 */
public record Policy(OutOfOrder outOfOrder, OnProblem onModified, OnProblem onUnjournaled) {

	/** Fail on everything: the defaults. */
	public static final Policy STRICT = new Policy(OutOfOrder.FAIL, OnProblem.FAIL, OnProblem.FAIL);

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

}
