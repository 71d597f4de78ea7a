package dev.migrator.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Every sample of a run, by measurement, row and set size; rows keep the order they were first measured in. */
final class Results {

	/**
	 * A row of the table.
	 * @param label what the row measures, e.g. a tool's name
	 * @param shortName its name in the other rows' ratios
	 * @param floor whether it is a floor, whose own cells show no ratios to the tools
	 */
	record Row(String label, String shortName, boolean floor) {

		static Row of(Tool tool) {
			return switch (tool) {
				case PSQL_PER_MIGRATION -> new Row(tool.label(), "floor", true);
				case PSQL_SINGLE_TRANSACTION -> new Row(tool.label(), "1-tx psql", true);
				default -> new Row(tool.label(), tool.label().split(" ")[0], false);
			};
		}

	}

	private record Key(Metric metric, Row row, int size) {
	}

	private final Map<Key, List<Double>> samples = new LinkedHashMap<>();

	void add(Metric metric, Row row, int size, double value) {
		this.samples.computeIfAbsent(new Key(metric, row, size), (key) -> new ArrayList<>()).add(value);
	}

	OptionalDouble median(Metric metric, Row row, int size) {
		List<Double> values = this.samples.get(new Key(metric, row, size));
		return (values == null) ? OptionalDouble.empty() : OptionalDouble.of(Samples.median(values));
	}

	int count(Metric metric, Row row, int size) {
		List<Double> values = this.samples.get(new Key(metric, row, size));
		return (values == null) ? 0 : values.size();
	}

	List<Row> rows(Metric metric) {
		return this.samples.keySet().stream().filter((key) -> key.metric() == metric).map(Key::row).distinct().toList();
	}

}
