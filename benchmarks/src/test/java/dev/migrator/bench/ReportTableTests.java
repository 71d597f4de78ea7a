package dev.migrator.bench;

import java.util.List;

import dev.migrator.bench.Results.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTableTests {

	@Test
	void cellsAreMediansWithRatiosToTheFloorAndEachPeer() {
		Results results = new Results();
		Row floor = Row.of(Tool.PSQL_PER_MIGRATION);
		Row migrator = Row.of(Tool.MIGRATOR);
		Row flyway = new Row("Flyway 13.12.1", "Flyway", false);
		for (double seconds : List.of(4.0, 4.2, 9.0)) {
			results.add(Metric.APPLY_WALL, floor, 1000, seconds * 1000);
		}
		results.add(Metric.APPLY_WALL, migrator, 1000, 6300);
		results.add(Metric.APPLY_WALL, flyway, 1000, 16800);
		String table = ReportTable.render(results, List.of(100, 1000));
		assertThat(table).contains("| measurement | tool | N = 100 | N = 1000 |\n|---|---|---|---|\n");
		assertThat(table).contains(
				"| apply all, whole process (s) | psql, one transaction per migration (the floor) | – | 4.20 |");
		assertThat(table)
			.contains("| apply all, whole process (s) | Migrator | – | 6.30 (1.50× floor, 0.38× Flyway) |");
		assertThat(table).contains("| Flyway 13.12.1 | – | 16.80 (4.00× floor, 2.67× Migrator) |");
	}

	@Test
	void startupWithTheStarterShowsItsCostOverTheDisabledApp() {
		Results results = new Results();
		results.add(Metric.STARTUP, ReportTable.STARTUP_ENABLED, 1000, 2100);
		results.add(Metric.STARTUP, ReportTable.STARTUP_DISABLED, 1000, 2000);
		String table = ReportTable.render(results, List.of(1000));
		assertThat(table).contains("| with the starter (nothing to apply) | 2100 (+5.0 % over disabled) |");
		assertThat(table).contains("| migrator.enabled=false | 2000 |");
	}

	@Test
	void heapIsInMegabytes() {
		Results results = new Results();
		results.add(Metric.HEAP_CHECK_PEAK, Row.of(Tool.MIGRATOR), 3000, 3.5 * (1 << 20));
		assertThat(ReportTable.render(results, List.of(3000))).contains("| Migrator | 3.5 |");
	}

}
