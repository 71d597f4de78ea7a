package dev.migrator.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn migrator:baseline -Dmigrator.to=<tag>}: records the entries up to a tag as applied ({@code migrator baseline}). */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends DatabaseMojo {

	/** The newest migration the database already has, such as {@code 0002_post_status}. */
	@Parameter(property = "migrator.to", required = true)
	String to;

	@Override
	String command() {
		return "baseline";
	}

	@Override
	void addGoalOptions(List<String> args) {
		option(args, "--to", this.to);
	}

}
