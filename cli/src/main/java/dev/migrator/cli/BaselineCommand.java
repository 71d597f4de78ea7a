package dev.migrator.cli;

import java.io.PrintWriter;

import dev.migrator.engine.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrator baseline --to <tag>}: adopts a database whose schema was created some other way. */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
		header = "Record the entries up to a tag as applied, without running them.",
		description = "Adopts a database whose schema was created some other way: records the entries up to and"
				+ " including <tag> as applied without running them, exactly as Drizzle would have recorded them, under"
				+ " the advisory lock. Refuses, changing nothing, when one of them is already recorded or the history"
				+ " holds a newer row. Run migrate afterwards for the rest.",
		footerHeading = "%nExamples:%n",
		footer = { "  java -jar migrator.jar baseline --to 0002_post_status",
				"  java -jar migrator.jar migrate            # applies the entries after it" })
final class BaselineCommand extends DatabaseCommand {

	@Option(names = "--to", paramLabel = "<tag>", required = true, order = 0,
			description = "The newest journal entry the database already has, such as 0002_post_status.")
	String tag;

	@Override
	int run(Migrator migrator, PrintWriter out) {
		// the engine prints each entry it records and the summary (CliLogging)
		migrator.baseline(this.tag);
		return 0;
	}

}
