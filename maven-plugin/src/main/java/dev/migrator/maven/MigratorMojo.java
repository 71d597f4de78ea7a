package dev.migrator.maven;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrator.cli.MigratorCli;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the migrations folder, {@code skip}, and running one {@code migrator} command in Maven's
 * JVM with the goal's configuration as its options. The command does the work; a goal only builds the options and
 * turns the exit code into Maven's outcome (1: the build fails; 2: a configuration error).
 */
abstract class MigratorMojo extends AbstractMojo {

	/** Folder drizzle-kit writes: {@code meta/_journal.json} (0.x) or {@code <timestamp>_<name>/} folders (1.0). */
	@Parameter(property = "migrator.dir", defaultValue = "${project.basedir}/src/main/resources/db/migrations")
	File dir;

	/** Whether to skip the goal. */
	@Parameter(property = "migrator.skip", defaultValue = "false")
	boolean skip;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping migrator:" + command() + " (migrator.skip)");
			return;
		}
		List<String> args = new ArrayList<>(List.of(command(), "--dir", shown(this.dir)));
		addOptions(args);
		LogLines out = new LogLines(getLog());
		LogLines err = new LogLines(getLog());
		int exitCode;
		try (PrintWriter outWriter = new PrintWriter(output(out), true); PrintWriter errWriter = new PrintWriter(err, true)) {
			exitCode = MigratorCli.execute(outWriter, errWriter, args.toArray(String[]::new));
		}
		List<String> errors = new ArrayList<>(out.errors());
		errors.addAll(err.errors());
		String failure = "migrator " + command() + " failed" + (errors.isEmpty() ? " (exit code " + exitCode + ")"
				: ":\n" + String.join("\n", errors));
		if (exitCode == 2) {
			throw new MojoExecutionException(failure);
		}
		if (exitCode != 0) {
			throw new MojoFailureException(failure);
		}
	}

	/**
	 * The folder as the command is given it: relative to the directory Maven runs in when it lies below it, so that
	 * messages, printed paths and GitHub annotations name it as the repository does.
	 */
	static String shown(File dir) {
		Path workingDirectory = Path.of("").toAbsolutePath();
		Path folder = dir.toPath().toAbsolutePath().normalize();
		if (!folder.startsWith(workingDirectory)) {
			return folder.toString();
		}
		return folder.equals(workingDirectory) ? "." : workingDirectory.relativize(folder).toString();
	}

	/** The command this goal runs, such as {@code migrate}. */
	abstract String command();

	/** Adds the goal's options after {@code <command> --dir <folder>}. */
	abstract void addOptions(List<String> args);

	/** Where the command's standard output goes: Maven's log, unless a goal prints for a tool. */
	java.io.Writer output(LogLines log) {
		return log;
	}

	/** Adds {@code option value} when the value is set. */
	static void option(List<String> args, String option, Object value) {
		if (value != null && !value.toString().isBlank()) {
			args.add(option + "=" + value);
		}
	}

}
