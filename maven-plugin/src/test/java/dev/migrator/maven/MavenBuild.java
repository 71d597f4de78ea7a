package dev.migrator.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small Maven project under {@code target/} that declares the plugin, and real {@code mvn} runs on it, offline:
 * their local repository is {@code target/it-repo} (where the build's invoker:install put this plugin and what it
 * needs), and anything else comes from the build's own local repository through a {@code file://} mirror.
 */
final class MavenBuild {

	/** Variables of the test JVM's environment that would change what the goals do. */
	private static final List<String> CLEARED = List.of("DATABASE_URL", "ROOT_ENV", "MIGRATIONS_DIR", "MAVEN_OPTS",
			"MAVEN_ARGS");

	private final Path project;

	private MavenBuild(Path project) {
		this.project = project;
	}

	/** A fresh project in {@code target/it-projects/<name>} whose build runs {@code migrator:check} in verify. */
	static MavenBuild project(String name) throws IOException {
		Path project = Path.of("target/it-projects", name).toAbsolutePath();
		FileSystemUtils.deleteRecursively(project);
		Files.createDirectories(project);
		Files.writeString(project.resolve("pom.xml"), """
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				  <modelVersion>4.0.0</modelVersion>
				  <groupId>it.migrator</groupId>
				  <artifactId>%s</artifactId>
				  <version>1</version>
				  <packaging>pom</packaging>
				  <build>
				    <plugins>
				      <plugin>
				        <groupId>dev.migrator</groupId>
				        <artifactId>migrator-maven-plugin</artifactId>
				        <version>%s</version>
				        <executions>
				          <execution>
				            <id>check-migrations</id>
				            <goals>
				              <goal>check</goal>
				            </goals>
				          </execution>
				        </executions>
				      </plugin>
				    </plugins>
				  </build>
				</project>
				""".formatted(name, System.getProperty("it.plugin.version")));
		Files.writeString(project.resolve("settings.xml"), """
				<settings>
				  <mirrors>
				    <mirror>
				      <id>build-local-repository</id>
				      <mirrorOf>*</mirrorOf>
				      <url>%s</url>
				    </mirror>
				  </mirrors>
				</settings>
				""".formatted(Path.of(System.getProperty("it.mirror")).toUri()));
		return new MavenBuild(project);
	}

	/** The project's folder. */
	Path path() {
		return this.project;
	}

	/**
	 * Runs {@code mvn} on the project, offline, to its end.
	 * @param environment variables set on top of this JVM's, less the ones the goals read
	 * @param args goals and {@code -D} properties
	 * @return exit code and output
	 */
	Result mvn(Map<String, String> environment, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
				"-B", "-o", "-Daether.offline.protocols=file", "-s", "settings.xml",
				"-Dmaven.repo.local=" + Path.of(System.getProperty("it.repository")).toAbsolutePath()));
		command.addAll(List.of(args));
		Path log = Files.createTempFile("mvn", ".log");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.project.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			CLEARED.forEach(builder.environment()::remove);
			builder.environment().putAll(environment);
			Process process = builder.start();
			assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("mvn %s ended in time", List.of(args)).isTrue();
			return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	/**
	 * What a run did.
	 *
	 * @param exitCode the exit code of mvn
	 * @param output its output
	 */
	record Result(int exitCode, String output) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n" + this.output;
		}

	}

}
