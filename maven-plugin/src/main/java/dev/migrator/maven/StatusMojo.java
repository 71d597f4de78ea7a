package dev.migrator.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn migrator:status}: every migration with its state ({@code migrator status}). */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends DatabaseMojo {

	/** Whether to print the JSON of {@code /actuator/migrations} instead of the table. */
	@Parameter(property = "migrator.json", defaultValue = "false")
	boolean json;

	@Override
	String command() {
		return "status";
	}

	@Override
	void addGoalOptions(List<String> args) {
		if (this.json) {
			args.add("--json");
		}
	}

	@Override
	java.io.Writer output(LogLines log) {
		return this.json ? StandardOutput.writer() : log;
	}

}
