package dev.migrator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import dev.migrator.engine.authoring.NewMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migrator new <name>}: the next custom migration, as {@code drizzle-kit generate --custom} writes it. */
@Command(name = "new", mixinStandardHelpOptions = true, sortOptions = false,
		header = "Add the next custom migration (no Node needed).",
		description = { "Writes the next migration as drizzle-kit generate --custom --name=<name> would, and prints its"
				+ " path: in a meta/_journal.json folder NNNN_<name>.sql, the journal entry (next idx, a when newer than"
				+ " every other) and, where the folder keeps drizzle-kit snapshots, the next snapshot; in a Drizzle 1.0"
				+ " folder <YYYYMMDDHHMMSS>_<name>/migration.sql (and snapshot.json). An empty or missing folder gets a"
				+ " fresh journal. Never writes over an existing file. Needs no database.",
				"Write the SQL below the header line; separate statements with --> statement-breakpoint." },
		footerHeading = "%nExamples:%n",
		footer = { "  java -jar migrator.jar new add_users_email --dir src/main/resources/db/migrations",
				"  $EDITOR \"$(java -jar migrator.jar new backfill_slugs)\"" })
final class NewCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<name>", description = "snake_case name: lower-case letters, digits and _.")
	String name;

	@Option(names = "--dir", paramLabel = "<folder>", order = 10, defaultValue = SettingsOptions.DIR_DEFAULT,
			description = SettingsOptions.DIR_DESCRIPTION)
	Path dir;

	@Override
	public Integer call() {
		NewMigration.Created created = NewMigration.create(this.dir, this.name, Instant.now());
		PrintWriter out = this.spec.commandLine().getOut();
		out.println(created.file());
		out.flush();
		return 0;
	}

}
