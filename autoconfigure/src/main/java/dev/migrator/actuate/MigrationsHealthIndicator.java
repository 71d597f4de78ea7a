package dev.migrator.actuate;

import dev.migrator.engine.MigrationState;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.Plan;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** UP when nothing is pending, modified or out of order; DOWN otherwise, with the counts as details. */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Migrator migrator;

	public MigrationsHealthIndicator(Migrator migrator) {
		super("Migrations health check failed");
		this.migrator = migrator;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Plan plan = this.migrator.status();
		builder.status(plan.upToDate() ? Status.UP : Status.DOWN)
			.withDetail("applied", plan.count(MigrationState.APPLIED))
			.withDetail("pending", plan.count(MigrationState.PENDING))
			.withDetail("modified", plan.count(MigrationState.MODIFIED))
			.withDetail("outOfOrder", plan.count(MigrationState.OUT_OF_ORDER))
			.withDetail("unknown", plan.count(MigrationState.UNKNOWN));
	}

}
