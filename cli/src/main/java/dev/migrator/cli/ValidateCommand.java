package dev.migrator.cli;

import java.io.PrintWriter;

import dev.migrator.engine.MigrationsStatus;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.Plan;
import picocli.CommandLine.Command;

/** {@code migrator validate}: {@code migrator.mode=validate} as a CI gate or a readiness check. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
		header = "Fail unless every migration is applied and unchanged.",
		description = "Checks that every migration is applied and unchanged, as migrator.mode=validate does at"
				+ " startup; applies nothing and takes no lock. Exits 1 naming what is pending, modified or out of"
				+ " order.",
		footerHeading = "%nExamples:%n",
		footer = { "  java -jar migrator.jar validate --dir drizzle        # a CI gate before the deploy",
				"  java -jar migrator.jar validate && exec java -jar app.jar" })
final class ValidateCommand extends DatabaseCommand {

	@Override
	int run(Migrator migrator, PrintWriter out) {
		Plan plan = migrator.validate();
		plan.warnings().forEach((warning) -> this.spec.commandLine().getErr().println("warning: " + warning));
		out.println(plan.table() + " is up to date with " + plan.location() + ": "
				+ MigrationsStatus.of(plan).applied() + " applied");
		return 0;
	}

}
