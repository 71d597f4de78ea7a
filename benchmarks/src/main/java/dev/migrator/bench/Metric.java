package dev.migrator.bench;

/** The table's measurements, in its order, each with its unit. */
enum Metric {

	APPLY_WALL("apply all, whole process (s)", 1000),
	APPLY_CALL("apply all, in the call (s)", 1000),
	CHECK_COLD("up-to-date check, fresh JVM on an open pool, in the call (ms)", 1),
	CHECK_COLD_BUILD("building the tool before that call, fresh JVM (ms)", 1),
	CHECK_WARM("up-to-date check repeated in a warm JVM, median call (ms)", 1),
	STARTUP("Spring Boot app, JVM start to ApplicationReadyEvent (ms)", 1),
	HEAP_CHECK_PEAK("live heap during an up-to-date check, peak above the idle JVM (MB)", 1 << 20),
	HEAP_CHECK_RETAINED("live heap kept after the check, above the idle JVM (MB)", 1 << 20),
	HEAP_APPLY_PEAK("live heap during apply all, peak above the idle JVM (MB)", 1 << 20),
	HEAP_APPLY_RETAINED("live heap kept after apply all, above the idle JVM (MB)", 1 << 20);

	private final String label;

	/** What one unit of the table is in the stored value (milliseconds or bytes). */
	private final double divisor;

	Metric(String label, double divisor) {
		this.label = label;
		this.divisor = divisor;
	}

	String label() {
		return this.label;
	}

	/** A stored value (milliseconds or bytes) in the table's unit, with the digits that mean something. */
	String format(double stored) {
		double value = stored / this.divisor;
		if (this.divisor == 1000) {
			return String.format("%.2f", value);
		}
		if (this.divisor > 1000) {
			return String.format("%.1f", value);
		}
		return (value < 100) ? String.format("%.1f", value) : String.format("%.0f", value);
	}

}
