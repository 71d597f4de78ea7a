package dev.migrator.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The check itself; {@code SpringBoot3AppIT} (starter module) runs it in a real Spring Boot 3.5 application. */
class SpringBootVersionCheckTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(new SpringBootVersionCheck());

	@Test
	void springBoot4StartsAsUsual() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void classpathWithoutSpringBoot4TypesFailsNamingMigratorAndTheRequiredVersion() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.bootstrap."))
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(MigratorConfigurationException.class)
				.hasMessageStartingWith("Migrator (migrator-spring-boot-starter) requires Spring Boot 4.0 or later, but"
						+ " this application runs on Spring Boot "));
	}

	@Test
	void messageNamesTheRunningVersionAndTheAlternatives() {
		MigratorConfigurationException failure = SpringBootVersionCheck.unsupported("3.5.8");
		assertThat(failure.getMessage()).contains("requires Spring Boot 4.0 or later")
			.contains("runs on Spring Boot 3.5.8");
		assertThat(failure.action()).contains("Upgrade the application to Spring Boot 4.0 or later")
			.contains("migrator command-line tool or the migrator-maven-plugin");
		assertThat(SpringBootVersionCheck.unsupported(null).getMessage())
			.contains("runs on a Spring Boot older than 4.0");
	}

}
