package dev.migrator.cli;

import java.io.PrintWriter;

import dev.migrator.engine.HashRepair;
import dev.migrator.engine.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrator repair --tag <tag> --yes}: the audited way out of MODIFIED for a file edited on purpose. */
@Command(name = "repair", mixinStandardHelpOptions = true, sortOptions = false,
		header = "Accept the edit of an applied migration's file (MODIFIED).",
		description = "For an applied migration whose file was edited on purpose (state MODIFIED): shows the"
				+ " recorded and the file's hash and, with --yes, records the file's hash in place of the old one, under"
				+ " the advisory lock. Runs no SQL of the migration. Without --yes it changes nothing. Refuses for an"
				+ " entry that is not MODIFIED.",
		footerHeading = "%nExamples:%n",
		footer = { "  java -jar migrator.jar repair --tag 0002_post_status          # shows what it would do",
				"  java -jar migrator.jar repair --tag 0002_post_status --yes" })
final class RepairCommand extends DatabaseCommand {

	@Option(names = "--tag", paramLabel = "<tag>", required = true, order = 0,
			description = "The MODIFIED migration, such as 0002_post_status.")
	String tag;

	@Option(names = "--yes", order = 0, description = "Replace the recorded hash; without it, only show.")
	boolean yes;

	@Override
	int run(Migrator migrator, PrintWriter out) {
		HashRepair repair = migrator.repair(this.tag, this.yes);
		if (!repair.replaced()) {
			out.println(repair.tag() + " is MODIFIED (history row id " + repair.rowId() + ")");
			out.println("  recorded hash: " + repair.recordedHash());
			out.println("  file hash:     " + repair.fileHash());
			out.println("Nothing was changed: run again with --yes to record the file's hash.");
		}
		// with --yes the engine prints the replacement with both hashes (CliLogging)
		return 0;
	}

}
