package dev.migrator.sample;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A portfolio service whose schema the Migrator starter migrates at startup.
 *
 * <p>With {@code --spring.profiles.active=migrate} it is a one-shot job instead (a Kubernetes Job or init
 * container): no web server, apply pending migrations, exit 0; on a migration error Spring Boot prints the failure
 * analysis and the process exits 1.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args);
		if (Arrays.asList(context.getEnvironment().getActiveProfiles()).contains("migrate")) {
			System.exit(SpringApplication.exit(context));
		}
	}

}
