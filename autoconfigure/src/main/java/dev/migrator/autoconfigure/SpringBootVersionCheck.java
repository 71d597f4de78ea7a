package dev.migrator.autoconfigure;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Stops an application on Spring Boot 3 or older before its context refreshes, with a message that names Migrator,
 * instead of the unrelated bean-definition clash that Boot 4's jars (which the starter brings) cause there.
 *
 * <p>Auto-configuration is not the place for this check: a Boot 3 application fails while it loads the mixed
 * auto-configurations, before any of ours could speak. Every Spring Boot version applies the
 * {@link ApplicationContextInitializer}s of {@code META-INF/spring.factories} before that, so this class (and the
 * failure analyzer that reports it) uses only APIs that Spring Boot 3 has as well.
 */
class SpringBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	/** The Spring Boot generation Migrator is built for. */
	static final String REQUIRED_VERSION = "4.0";

	/** A class that Spring Boot 4 has and Spring Boot 3 lacks (Boot 4 moved the bootstrap types here). */
	private static final String BOOT_4_CLASS = "org.springframework.boot.bootstrap.BootstrapRegistry";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!ClassUtils.isPresent(BOOT_4_CLASS, context.getClassLoader())) {
			throw unsupported(SpringBootVersion.getVersion());
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	static MigratorConfigurationException unsupported(String version) {
		String running = (version != null) ? "Spring Boot " + version : "a Spring Boot older than " + REQUIRED_VERSION;
		return new MigratorConfigurationException("Migrator (migrator-spring-boot-starter) requires Spring Boot "
				+ REQUIRED_VERSION + " or later, but this application runs on " + running
				+ ". The starter brings Spring Boot " + REQUIRED_VERSION + " modules (such as spring-boot-jdbc) that"
				+ " clash with this version's own.",
				"Upgrade the application to Spring Boot " + REQUIRED_VERSION + " or later, or remove"
						+ " migrator-spring-boot-starter and apply the migrations as a separate step with the migrator"
						+ " command-line tool or the migrator-maven-plugin, which work with any application. Do not"
						+ " exclude the starter's Spring Boot " + REQUIRED_VERSION + " dependencies or pin them to this"
						+ " version: the starter does not work without them.");
	}

}
