package dev.migrator.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.MigrationState;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.Plan;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code migrator.migrations} gauges, one per migrator (tag {@code migrator}, the bean name) and state (tag
 * {@code state}), and the {@code migrator.startup.run} timer of each migrator's startup run. A migrator's gauges share
 * one status read, at most one every ten seconds.
 */
public class MigrationsMetrics implements MeterBinder {

	private static final Duration STATUS_TTL = Duration.ofSeconds(10);

	private final Map<String, CachedStatus> migrators = new LinkedHashMap<>();

	private final Function<String, MigrationReport> startupReports;

	/**
	 * Metrics of the given migrators.
	 * @param migrators the Migrator beans, by bean name
	 * @param startupReports what each one's startup run applied, by bean name ({@code null} when it did not migrate)
	 */
	public MigrationsMetrics(Map<String, Migrator> migrators, Function<String, MigrationReport> startupReports) {
		migrators.forEach((name, migrator) -> this.migrators.put(name, new CachedStatus(migrator)));
		this.startupReports = startupReports;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.migrators.forEach((name, status) -> {
			for (MigrationState state : MigrationState.values()) {
				Gauge.builder("migrator.migrations", status, (cached) -> cached.plan().count(state))
					.description("Migrations by state")
					.tag("migrator", name)
					.tag("state", state.name().toLowerCase(Locale.ROOT))
					.register(registry);
			}
			MigrationReport report = this.startupReports.apply(name);
			if (report != null) {
				Timer.builder("migrator.startup.run")
					.description("Duration of the migration run at startup")
					.tag("migrator", name)
					.tag("applied", Integer.toString(report.applied().size()))
					.register(registry)
					.record(report.duration());
			}
		});
	}

	/** One migrator's status, read again once it is older than {@link #STATUS_TTL}. */
	private static final class CachedStatus {

		private final Migrator migrator;

		private Plan lastPlan;

		private long lastRead;

		CachedStatus(Migrator migrator) {
			this.migrator = migrator;
		}

		synchronized Plan plan() {
			long now = System.nanoTime();
			if (this.lastPlan == null || now - this.lastRead > STATUS_TTL.toNanos()) {
				this.lastPlan = this.migrator.status();
				this.lastRead = now;
			}
			return this.lastPlan;
		}

	}

}
