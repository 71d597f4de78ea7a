package dev.migrator.bench.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The startup benchmark's application, shaped like the sample app: the starter, web and actuator. It runs one query
 * while it starts, as an application whose JPA or caches touch the database does, so that with and without Migrator
 * the pool's first connection is opened and the difference is Migrator's own work. When ready it writes the JVM's
 * uptime to the file the system property {@code bench.result} names, and exits.
 */
@SpringBootApplication
public class BenchApp {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BenchApp.class);
		application.addListeners(new ReadyRecorder());
		ConfigurableApplicationContext context = application.run(args);
		System.exit(SpringApplication.exit(context));
	}

	@Bean
	ApplicationRunner touchDatabase(JdbcTemplate jdbc) {
		return (arguments) -> jdbc.queryForObject("SELECT 1", Integer.class);
	}

	static final class ReadyRecorder implements ApplicationListener<ApplicationReadyEvent> {

		@Override
		public void onApplicationEvent(ApplicationReadyEvent event) {
			long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
			Properties result = new Properties();
			result.setProperty("readyMillis", Long.toString(uptime));
			result.setProperty("runMillis", Long.toString(event.getTimeTaken().toMillis()));
			result.setProperty("migrator", Boolean.toString(event.getApplicationContext().containsBean("migrator")));
			String file = System.getProperty("bench.result");
			try (OutputStream out = Files.newOutputStream(Path.of(file))) {
				result.store(out, "Spring Boot startup");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not write the startup time to " + file, ex);
			}
		}

	}

}
