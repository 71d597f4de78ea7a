package dev.migrator.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar migrator.jar <command>}: the engine the starter runs at startup, for jobs, CI and laptops. Each
 * command is a class of its own; they share the connection and settings options, and only parse and print.
 */
@Command(name = "migrator", mixinStandardHelpOptions = true, versionProvider = MigratorCli.Version.class,
		description = "Applies Drizzle Kit migrations (meta/_journal.json and NNNN_name.sql) to PostgreSQL and records"
				+ " them in Drizzle's history table, as the Migrator Spring Boot starter does at startup.",
		subcommands = { MigrateCommand.class, StatusCommand.class, ValidateCommand.class, CheckCommand.class,
				NewCommand.class, BaselineCommand.class, RepairCommand.class },
		footerHeading = "%nConnection:%n",
		footer = { "  --url, else the DATABASE_URL environment variable, else DATABASE_URL in the dotenv file that",
				"  ROOT_ENV names, else in ./.env in the working directory. postgres:// and jdbc:postgresql:// URLs.",
				"", "Run 'java -jar migrator.jar <command> --help' for a command's options and examples." })
public final class MigratorCli implements Runnable {

	private static final Map<String, String> EXIT_CODES = exitCodes();

	private static final int HELP_WIDTH = 100;

	@Spec
	CommandSpec spec;

	public static void main(String[] args) {
		CliLogging.install(System.out, System.err);
		System.exit(commandLine().execute(args));
	}

	/**
	 * Runs a command in this JVM, as the Maven plugin's goals do: no {@code System.exit}, and the output written to the
	 * given writers (the engine's log lines go wherever slf4j is bound).
	 * @param out standard output
	 * @param err standard error
	 * @param args the command and its options
	 * @return the exit code: 0 success, 1 failure, 2 usage or configuration error
	 */
	public static int execute(PrintWriter out, PrintWriter err, String... args) {
		return commandLine().setOut(out).setErr(err).execute(args);
	}

	/** The command line with its subcommands, exit codes in every help and the failure handling. */
	static CommandLine commandLine() {
		Failures failures = new Failures();
		CommandLine commandLine = new CommandLine(new MigratorCli()).setUsageHelpWidth(HELP_WIDTH)
			.setCaseInsensitiveEnumValuesAllowed(true)
			.setExecutionExceptionHandler(failures)
			.setParameterExceptionHandler(failures);
		commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
		commandLine.getSubcommands()
			.values()
			.forEach((command) -> command.getCommandSpec()
				.usageMessage()
				.exitCodeListHeading("%nExit codes:%n")
				.exitCodeList(EXIT_CODES));
		return commandLine;
	}

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(),
				"Missing command: give one of migrate, status, validate, check, new, baseline, repair");
	}

	private static Map<String, String> exitCodes() {
		Map<String, String> codes = new LinkedHashMap<>();
		codes.put("0", "Success, also when nothing was pending.");
		codes.put("1", "A migration, validation, lock or database failure, or an error that check found.");
		codes.put("2", "A usage or configuration error: a bad option, no URL, a missing folder.");
		return codes;
	}

	/** The version in the jar's manifest. */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = MigratorCli.class.getPackage().getImplementationVersion();
			return new String[] { "migrator " + ((version != null) ? version : "(development build)") };
		}

	}

}
