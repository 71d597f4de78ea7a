package dev.migrator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live heap of one call, for a child JVM run with {@code -XX:+UseSerialGC}, where {@code System.gc()} is a full,
 * stop-the-world collection and the heap used right after it is the live heap.
 *
 * <p>Steps of {@link #measure}:
 * <ol>
 * <li>collect, and take the heap used as the baseline (the JVM, the driver, the pool);</li>
 * <li>start a sampler thread that collects every {@value #SAMPLE_MILLIS} ms and keeps the largest heap used after a
 * collection;</li>
 * <li>make the call; stop the sampler;</li>
 * <li>collect with the call's result still reachable: the heap retained (what the tool keeps, such as a cache).</li>
 * </ol>
 * The peak is the largest sample or the retained heap; a peak shorter than the sampling interval can be missed.
 */
final class HeapWatch {

	static final int SAMPLE_MILLIS = 20;

	private static final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private HeapWatch() {
	}

	/** Heap figures in bytes, and how long the call took. */
	record Measured(long baseline, long peak, long retained, int samples, double callMillis) {
	}

	static Measured measure(Callable<Object> call) throws Exception {
		long baseline = liveHeap();
		AtomicLong peak = new AtomicLong(baseline);
		int[] samples = { 0 };
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(liveHeap(), Math::max);
				samples[0]++;
				try {
					Thread.sleep(SAMPLE_MILLIS);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-sampler");
		long started = System.nanoTime();
		sampler.start();
		Object result = call.call();
		double took = (System.nanoTime() - started) / 1e6;
		sampler.interrupt();
		sampler.join();
		long retained = liveHeap();
		Reference.reachabilityFence(result);
		return new Measured(baseline, Math.max(peak.get(), retained), retained, samples[0], took);
	}

	private static long liveHeap() {
		// twice: the first collection may only queue finalizable and softly reachable objects
		System.gc();
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

}
