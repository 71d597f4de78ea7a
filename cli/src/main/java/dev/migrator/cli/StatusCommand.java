package dev.migrator.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.migrator.engine.MigrationsStatus;
import dev.migrator.engine.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrator status}: every journal entry and unknown history row with its state, then the counts; with
 * {@code --json}, the body {@code /actuator/migrations} answers for the same database ({@link MigrationsStatus}).
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
		header = "List every migration with its state.",
		description = "Lists every journal entry (idx, tag, state, when, applied at, short hash) and every history"
				+ " row no entry matches (UNKNOWN), then the counts and the lint's findings in pending migrations."
				+ " Reads only; takes no lock.",
		footerHeading = "%nExamples:%n",
		footer = { "  java -jar migrator.jar status", "  java -jar migrator.jar status --json | jq '.pending'" })
final class StatusCommand extends DatabaseCommand {

	private static final String[] HEADER = { "IDX", "TAG", "STATE", "WHEN", "APPLIED AT", "HASH" };

	private static final int SHORT_HASH = 12;

	@Option(names = "--json", order = 0, description = "Print the JSON of /actuator/migrations instead.")
	boolean json;

	@Override
	int run(Migrator migrator, PrintWriter out) {
		MigrationsStatus status = MigrationsStatus.of(migrator.status());
		if (this.json) {
			out.println(status.toJson());
			return 0;
		}
		out.println("Migrations in " + status.location() + ", history in " + status.table());
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADER);
		status.migrations().forEach((entry) -> rows.add(row(entry)));
		int[] widths = new int[HEADER.length];
		rows.forEach((row) -> {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		});
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				line.append((i < row.length - 1) ? String.format("%-" + (widths[i] + 2) + "s", row[i]) : row[i]);
			}
			out.println(line.toString().stripTrailing());
		}
		out.println(status.applied() + " applied, " + status.pending() + " pending, " + status.modified() + " modified, "
				+ status.outOfOrder() + " out of order, " + status.unknown() + " unknown");
		status.migrations()
			.stream()
			.filter((entry) -> entry.findings() != null)
			.flatMap((entry) -> entry.findings().stream())
			.forEach((finding) -> out.println(finding));
		return 0;
	}

	private static String[] row(MigrationsStatus.Entry entry) {
		String hash = shortHash(entry.hash())
				+ ((entry.appliedHash() != null) ? " (recorded " + shortHash(entry.appliedHash()) + ")" : "");
		return new String[] { (entry.idx() != null) ? entry.idx().toString() : "-",
				(entry.tag() != null) ? entry.tag() : "-", entry.state().name(),
				(entry.when() != null) ? Instant.ofEpochMilli(entry.when()).toString() : "-",
				(entry.appliedAt() != null) ? entry.appliedAt().truncatedTo(ChronoUnit.SECONDS).toString() : "-", hash };
	}

	private static String shortHash(String hash) {
		return (hash.length() > SHORT_HASH) ? hash.substring(0, SHORT_HASH) : hash;
	}

}
