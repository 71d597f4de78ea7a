package dev.migrator.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn migrator:new -Dname=<snake_case>}: adds the next custom migration as {@code drizzle-kit generate --custom}
 * writes it ({@code migrator new}), and prints its path. Needs no database.
 */
@Mojo(name = "new", threadSafe = true)
public class NewMojo extends MigratorMojo {

	/** The migration's name: lower-case letters, digits and _. */
	@Parameter(property = "name", required = true)
	String name;

	@Override
	String command() {
		return "new";
	}

	@Override
	void addOptions(List<String> args) {
		args.add(this.name);
	}

}
