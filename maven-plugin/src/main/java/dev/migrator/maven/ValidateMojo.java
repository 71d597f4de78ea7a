package dev.migrator.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn migrator:validate}: fails unless every migration is applied and unchanged ({@code migrator validate}). */
@Mojo(name = "validate", threadSafe = true)
public class ValidateMojo extends DatabaseMojo {

	@Override
	String command() {
		return "validate";
	}

}
