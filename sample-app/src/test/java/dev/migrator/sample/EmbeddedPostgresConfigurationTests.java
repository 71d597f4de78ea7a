package dev.migrator.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample starts no embedded server when the connection comes from elsewhere. */
class EmbeddedPostgresConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedPostgresConfiguration.class);

	@Test
	void backsOffWithSpringDatasourceUrl() {
		this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:5432/app")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("embeddedPostgres"));
	}

	@Test
	void backsOffWithConnectionDetailsRegisteredFirstAsServiceConnectionAndDockerComposeDo() {
		this.contextRunner
			.withInitializer((context) -> ((GenericApplicationContext) context)
				.registerBean("containerConnectionDetails", JdbcConnectionDetails.class, ContainerDetails::new))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("embeddedPostgres")
				.hasSingleBean(JdbcConnectionDetails.class));
	}

	private static final class ContainerDetails implements JdbcConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return "jdbc:postgresql://localhost:32768/test";
		}

		@Override
		public String getUsername() {
			return "test";
		}

		@Override
		public String getPassword() {
			return "test";
		}

	}

}
