package dev.migrator.cli;

import java.io.PrintWriter;

import dev.migrator.engine.Migrator;
import picocli.CommandLine.Command;

/** {@code migrator migrate}: what the starter does at startup, as a step of its own. */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
		header = "Apply every pending migration.",
		description = "Applies every pending migration, each in its own transaction together with its history row,"
				+ " under the advisory lock. Prints one line per applied migration with its duration, then a summary.",
		footerHeading = "%nExamples:%n",
		footer = { "  DATABASE_URL=postgres://app:secret@localhost:5432/app java -jar migrator.jar migrate",
				"  java -jar migrator.jar migrate --dir db/migrations --url jdbc:postgresql://db:5432/app \\",
				"      --user ddl_owner --password \"$DDL_PASSWORD\"" })
final class MigrateCommand extends DatabaseCommand {

	@Override
	int run(Migrator migrator, PrintWriter out) {
		// the engine prints each applied migration and the summary as it goes (CliLogging)
		migrator.migrate();
		return 0;
	}

}
