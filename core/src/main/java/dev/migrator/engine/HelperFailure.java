package dev.migrator.engine;

/**
 * How a failure caught on a helper thread (the journal read, a hashing worker) reaches the thread that waits for it:
 * an {@link Error} such as an {@code OutOfMemoryError} is thrown as it is, a {@link RuntimeException} (such as a
 * {@link JournalException}) is returned to be thrown as it is, and anything else is wrapped.
 */
final class HelperFailure {

	private HelperFailure() {
	}

	/**
	 * The failure to throw on the waiting thread.
	 * @param failure what the helper thread caught
	 * @param what what the helper was doing, for wrapping a checked exception
	 * @return the exception to throw
	 * @throws Error when the failure is one
	 */
	static RuntimeException unchecked(Throwable failure, String what) {
		if (failure instanceof Error error) {
			throw error;
		}
		return (failure instanceof RuntimeException runtime) ? runtime : new IllegalStateException(what, failure);
	}

}
