package dev.migrator.actuate;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.MigrationState;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.Plan;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code migrator.migrations} gauges, one per state (tag {@code state}), and the {@code migrator.startup.run}
 * timer of the startup run. The gauges share one status read, at most one every ten seconds.
 */
public class MigrationsMetrics implements MeterBinder {

	private static final Duration STATUS_TTL = Duration.ofSeconds(10);

	private final Migrator migrator;

	private final Supplier<MigrationReport> startupReport;

	private Plan lastPlan;

	private long lastRead;

	public MigrationsMetrics(Migrator migrator, Supplier<MigrationReport> startupReport) {
		this.migrator = migrator;
		this.startupReport = startupReport;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (MigrationState state : MigrationState.values()) {
			Gauge.builder("migrator.migrations", this, (metrics) -> metrics.plan().count(state))
				.description("Migrations by state")
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
		MigrationReport report = this.startupReport.get();
		if (report != null) {
			Timer.builder("migrator.startup.run")
				.description("Duration of the migration run at startup")
				.tag("applied", Integer.toString(report.applied().size()))
				.register(registry)
				.record(report.duration());
		}
	}

	private synchronized Plan plan() {
		long now = System.nanoTime();
		if (this.lastPlan == null || now - this.lastRead > STATUS_TTL.toNanos()) {
			this.lastPlan = this.migrator.status();
			this.lastRead = now;
		}
		return this.lastPlan;
	}

}
