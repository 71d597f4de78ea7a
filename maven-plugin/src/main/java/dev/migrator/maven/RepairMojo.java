package dev.migrator.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn migrator:repair -Dmigrator.tag=<tag> -Dmigrator.yes}: accepts the edit of an applied migration's file
 * ({@code migrator repair}); without {@code yes} it only shows both hashes.
 */
@Mojo(name = "repair", threadSafe = true)
public class RepairMojo extends DatabaseMojo {

	/** The MODIFIED migration, such as {@code 0002_post_status}. */
	@Parameter(property = "migrator.tag", required = true)
	String tag;

	/** Whether to record the file's hash; without it nothing changes. */
	@Parameter(property = "migrator.yes", defaultValue = "false")
	boolean yes;

	@Override
	String command() {
		return "repair";
	}

	@Override
	void addGoalOptions(List<String> args) {
		option(args, "--tag", this.tag);
		if (this.yes) {
			args.add("--yes");
		}
	}

}
