package dev.migrator.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians, the one statistic the table shows (robust to the odd slow run on a shared machine). */
final class Samples {

	private Samples() {
	}

	static double median(List<Double> samples) {
		if (samples.isEmpty()) {
			throw new IllegalArgumentException("No samples to take the median of");
		}
		List<Double> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
