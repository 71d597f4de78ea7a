package dev.migrator.cli;

import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.fail;

/** Waits for a condition by asking again every 20 ms, so a test reacts when it happens, not after a fixed sleep. */
final class Poll {

	private Poll() {
	}

	/**
	 * Waits until {@code value} gives a non-null answer.
	 * @param what the condition, for the failure message
	 * @param timeout how long to wait at most
	 * @param value the question; {@code null} means not yet
	 * @return the answer
	 */
	static <T> T until(String what, Duration timeout, Supplier<T> value) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (;;) {
			T answer = value.get();
			if (answer != null) {
				return answer;
			}
			if (System.nanoTime() - deadline > 0) {
				fail("Waited " + timeout.toSeconds() + " s for " + what);
			}
			Thread.sleep(20);
		}
	}

}
