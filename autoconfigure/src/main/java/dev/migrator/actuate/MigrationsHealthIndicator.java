package dev.migrator.actuate;

import dev.migrator.engine.MigrationState;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.Plan;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * One migrator's health: DOWN while a migration is pending or the database is in a state the migrator's policy
 * refuses (a modified file with {@code on-modified=fail}, an out-of-order entry with {@code out-of-order=fail}); UP
 * otherwise, also for what the policy tolerates. The counts are the details, as the endpoint reports them.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Migrator migrator;

	public MigrationsHealthIndicator(Migrator migrator) {
		super("Migrations health check failed");
		this.migrator = migrator;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Plan plan = this.migrator.status();
		boolean up = plan.toApply().isEmpty() && plan.problems().isEmpty();
		builder.status(up ? Status.UP : Status.DOWN)
			.withDetail("applied", plan.count(MigrationState.APPLIED) + plan.count(MigrationState.MODIFIED))
			.withDetail("pending", plan.count(MigrationState.PENDING) + plan.count(MigrationState.OUT_OF_ORDER))
			.withDetail("modified", plan.count(MigrationState.MODIFIED))
			.withDetail("outOfOrder", plan.count(MigrationState.OUT_OF_ORDER))
			.withDetail("unknown", plan.count(MigrationState.UNKNOWN));
	}

}
