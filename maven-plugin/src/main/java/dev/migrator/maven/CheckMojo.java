package dev.migrator.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn migrator:check}: the CI gate ({@code migrator check}); declared in {@code <executions>} it runs in the
 * {@code verify} phase and fails the build on any error finding. Needs no database unless {@code database} is set.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends DatabaseMojo {

	/** Whether to also compare the folder with the database (the URL as for the other goals). */
	@Parameter(property = "migrator.check-database", defaultValue = "false")
	boolean database;

	/** Whether a lint error is an error of the check (as {@code migrator check --strict}). */
	@Parameter(property = "migrator.strict", defaultValue = "false")
	boolean strict;

	/** {@code text} (into Maven's log), {@code json} or {@code github} (printed as they are, for tools). */
	@Parameter(property = "migrator.format", defaultValue = "text")
	String format;

	@Override
	String command() {
		return "check";
	}

	/** Only with {@code database}: a URL set for the other goals must not make the check connect. */
	@Override
	boolean connects() {
		return this.database;
	}

	@Override
	void addGoalOptions(List<String> args) {
		if (this.database) {
			args.add("--database");
		}
		if (this.strict) {
			args.add("--strict");
		}
		option(args, "--format", this.format);
	}

	@Override
	java.io.Writer output(LogLines log) {
		return "text".equalsIgnoreCase(this.format) ? log : StandardOutput.writer();
	}

}
