package dev.migrator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import dev.migrator.bench.Results.Row;

/**
 * The one markdown table of a run: a line per measurement and row, a column per set size. A cell is the median and,
 * in parentheses, its ratio to each other row of the same measurement ({@code 0.40× Flyway}: 0.40 times Flyway's
 * figure). A floor's cell compares it only with the floors before it; the startup with the starter shows its cost
 * over the same app without it.
 */
final class ReportTable {

	/** The row of the app with {@code migrator.enabled=false}, which the other startup row is compared with. */
	static final Row STARTUP_DISABLED = new Row("migrator.enabled=false", "disabled", true);

	static final Row STARTUP_ENABLED = new Row("with the starter (nothing to apply)", "enabled", false);

	private ReportTable() {
	}

	static String render(Results results, List<Integer> sizes) {
		StringBuilder table = new StringBuilder("| measurement | tool |");
		StringBuilder rule = new StringBuilder("|---|---|");
		for (int size : sizes) {
			table.append(" N = ").append(size).append(" |");
			rule.append("---|");
		}
		table.append('\n').append(rule).append('\n');
		for (Metric metric : Metric.values()) {
			for (Row row : results.rows(metric)) {
				table.append("| ").append(metric.label()).append(" | ").append(row.label()).append(" |");
				for (int size : sizes) {
					table.append(' ').append(cell(results, metric, row, size)).append(" |");
				}
				table.append('\n');
			}
		}
		return table.toString();
	}

	private static String cell(Results results, Metric metric, Row row, int size) {
		OptionalDouble value = results.median(metric, row, size);
		if (value.isEmpty()) {
			return "–";
		}
		String figure = metric.format(value.getAsDouble());
		List<String> ratios = new ArrayList<>();
		if (metric == Metric.STARTUP) {
			OptionalDouble disabled = results.median(metric, STARTUP_DISABLED, size);
			if (!row.equals(STARTUP_DISABLED) && disabled.isPresent()) {
				double over = (value.getAsDouble() / disabled.getAsDouble() - 1) * 100;
				ratios.add(String.format("%+.1f %% over disabled", over));
			}
		}
		else {
			for (Row other : results.rows(metric)) {
				if (other.equals(row) || (row.floor() && !other.floor()) || (row.floor() && isAfter(results, metric,
						other, row))) {
					continue;
				}
				OptionalDouble otherValue = results.median(metric, other, size);
				if (otherValue.isPresent() && otherValue.getAsDouble() > 0) {
					ratios.add(String.format("%.2f× %s", value.getAsDouble() / otherValue.getAsDouble(),
							other.shortName()));
				}
			}
		}
		return ratios.isEmpty() ? figure : figure + " (" + String.join(", ", ratios) + ")";
	}

	private static boolean isAfter(Results results, Metric metric, Row candidate, Row reference) {
		List<Row> rows = results.rows(metric);
		return rows.indexOf(candidate) > rows.indexOf(reference);
	}

}
