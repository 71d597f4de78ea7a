package dev.migrator.starter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 3 application that adds the starter, built by Maven as a user's build would resolve it, refuses to
 * start with a message that names Migrator and the Spring Boot version it needs.
 *
 * <p>Steps:
 * <ol>
 * <li>install this build's parent, core, autoconfigure and starter (pom and jar, as {@code mvn install} lays them
 * out) into a throwaway local repository under {@code target/}, so nothing of this build reaches the shared one;</li>
 * <li>write the application: the Spring Boot 3 parent, {@code spring-boot-starter-jdbc} and the starter;</li>
 * <li>let Maven compile it and write its classpath; released artifacts come from the shared local repository (read
 * as a file repository, so they are copied, not downloaded) and, on a clean machine, from Maven Central;</li>
 * <li>run it and read what it prints.</li>
 * </ol>
 * Skipped, with the reason, only where {@code mvn} is not on the PATH.
 */
class SpringBoot3AppIT {

	private static final Path WORK = Path.of("target/spring-boot-3-app").toAbsolutePath();

	private static final Path REPOSITORY = WORK.resolve("repository");

	private static final Path APP = WORK.resolve("app");

	private static final String VERSION = System.getProperty("migrator.version");

	private static final String BOOT_3_VERSION = System.getProperty("spring-boot3.version");

	private static Path mvn;

	@BeforeAll
	static void findMaven() {
		mvn = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, "mvn"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		Assumptions.assumeTrue(mvn != null, "mvn is not on the PATH, so the Spring Boot 3 application cannot be built");
		assertThat(VERSION).as("system property migrator.version (set by the starter's pom)").isNotBlank();
		assertThat(BOOT_3_VERSION).as("system property spring-boot3.version (set by the starter's pom)").isNotBlank();
	}

	@Test
	void springBoot3ApplicationFailsToStartNamingMigratorAndTheRequiredVersion() throws Exception {
		deleteRecursively(WORK);
		installThisBuild();
		writeApplication();
		List<String> classpath = build();
		assertThat(classpath).as("the application's classpath mixes Spring Boot 3 with the starter's Boot 4 modules")
			.anyMatch((jar) -> jar.endsWith("spring-boot-" + BOOT_3_VERSION + ".jar"))
			.anyMatch((jar) -> jar.matches(".*spring-boot-jdbc-4\\..*\\.jar"))
			.anyMatch((jar) -> jar.endsWith("migrator-spring-boot-autoconfigure-" + VERSION + ".jar"));
		Path log = WORK.resolve("run.log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", APP.resolve("target/classes") + File.pathSeparator + String.join(File.pathSeparator, classpath),
				"demo.Boot3Application"));
		int exit = run(command, APP, log, 120);
		String output = Files.readString(log);
		assertThat(exit).as(output).isNotZero();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Migrator (migrator-spring-boot-starter) requires Spring Boot 4.0 or later, but this application"
					+ " runs on Spring Boot " + BOOT_3_VERSION + ".")
			.contains("Upgrade the application to Spring Boot 4.0 or later, or remove migrator-spring-boot-starter and"
					+ " apply the migrations as a separate step with the migrator command-line tool or the"
					+ " migrator-maven-plugin")
			.doesNotContain("hikariPoolDataSourceMetadataProvider");
	}

	/** Lays out this build's artifacts as {@code mvn install} would, in the throwaway repository. */
	private static void installThisBuild() throws IOException {
		Path root = Path.of("..").toAbsolutePath().normalize();
		install("migrator-parent", root.resolve("pom.xml"), null);
		for (String[] module : new String[][] { { "core", "migrator-core" },
				{ "autoconfigure", "migrator-spring-boot-autoconfigure" }, { "starter", "migrator-spring-boot-starter" } }) {
			Path jar = root.resolve(module[0]).resolve("target").resolve(module[1] + "-" + VERSION + ".jar");
			assertThat(jar).as("built by this reactor: run mvn -B verify from the project root").isRegularFile();
			install(module[1], root.resolve(module[0]).resolve("pom.xml"), jar);
		}
	}

	private static void install(String artifactId, Path pom, Path jar) throws IOException {
		Path dir = REPOSITORY.resolve("dev/migrator").resolve(artifactId).resolve(VERSION);
		Files.createDirectories(dir);
		Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"));
		if (jar != null) {
			Files.copy(jar, dir.resolve(artifactId + "-" + VERSION + ".jar"));
		}
	}

	private static void writeApplication() throws IOException {
		Files.createDirectories(APP.resolve("src/main/java/demo"));
		Files.writeString(APP.resolve("pom.xml"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				  <modelVersion>4.0.0</modelVersion>
				  <parent>
				    <groupId>org.springframework.boot</groupId>
				    <artifactId>spring-boot-starter-parent</artifactId>
				    <version>%s</version>
				    <relativePath/>
				  </parent>
				  <groupId>demo</groupId>
				  <artifactId>boot3-app</artifactId>
				  <version>1</version>
				  <properties>
				    <java.version>17</java.version>
				  </properties>
				  <dependencies>
				    <dependency>
				      <groupId>org.springframework.boot</groupId>
				      <artifactId>spring-boot-starter-jdbc</artifactId>
				    </dependency>
				    <dependency>
				      <groupId>dev.migrator</groupId>
				      <artifactId>migrator-spring-boot-starter</artifactId>
				      <version>%s</version>
				    </dependency>
				  </dependencies>
				</project>
				""".formatted(BOOT_3_VERSION, VERSION));
		Files.writeString(APP.resolve("src/main/java/demo/Boot3Application.java"), """
				package demo;

				import org.springframework.boot.SpringApplication;
				import org.springframework.boot.autoconfigure.SpringBootApplication;

				@SpringBootApplication
				public class Boot3Application {

					public static void main(String[] args) {
						SpringApplication.run(Boot3Application.class,
								"--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/app");
					}

				}
				""");
		String localCache = Path.of(System.getProperty("maven.local-repository")).toUri().toString();
		Files.writeString(WORK.resolve("settings.xml"), """
				<settings>
				  <profiles>
				    <profile>
				      <id>local-cache</id>
				      <repositories>
				        <repository>
				          <id>local-cache</id>
				          <url>%1$s</url>
				          <snapshots><enabled>false</enabled></snapshots>
				        </repository>
				      </repositories>
				      <pluginRepositories>
				        <pluginRepository>
				          <id>local-cache</id>
				          <url>%1$s</url>
				          <snapshots><enabled>false</enabled></snapshots>
				        </pluginRepository>
				      </pluginRepositories>
				    </profile>
				  </profiles>
				  <activeProfiles>
				    <activeProfile>local-cache</activeProfile>
				  </activeProfiles>
				</settings>
				""".formatted(localCache));
	}

	/** Compiles the application and returns its runtime classpath. */
	private static List<String> build() throws Exception {
		Path log = WORK.resolve("build.log");
		Path classpath = APP.resolve("target/classpath.txt");
		int exit = run(List.of(mvn.toString(), "-B", "-q", "-s", WORK.resolve("settings.xml").toString(),
				"-Dmaven.repo.local=" + REPOSITORY, "compile",
				"org.apache.maven.plugins:maven-dependency-plugin:build-classpath", "-Dmdep.includeScope=runtime",
				"-Dmdep.outputFile=" + classpath), APP, log, 600);
		assertThat(exit).as("mvn build of the Spring Boot 3 application; its log:%n%s", Files.readString(log)).isZero();
		return List.of(Files.readString(classpath).trim().split(File.pathSeparator));
	}

	private static int run(List<String> command, Path directory, Path log, int timeoutSeconds) throws Exception {
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError(command.get(0) + " did not finish in " + timeoutSeconds + " s; its output:\n"
					+ Files.readString(log));
		}
		return process.exitValue();
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path each : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.delete(each);
			}
		}
	}

}
