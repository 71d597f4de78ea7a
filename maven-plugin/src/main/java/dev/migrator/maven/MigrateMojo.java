package dev.migrator.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn migrator:migrate}: applies every pending migration ({@code migrator migrate}). */
@Mojo(name = "migrate", threadSafe = true)
public class MigrateMojo extends DatabaseMojo {

	@Override
	String command() {
		return "migrate";
	}

}
