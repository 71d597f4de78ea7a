package dev.migrator.autoconfigure;

import dev.migrator.engine.JournalPrefetch;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Starts reading the {@code migrator} bean's journal when the application context is prepared, before it refreshes,
 * in the way Spring Boot's background pre-initializer warms costly parts up: the files are read and hashed on a
 * thread of their own while the context parses its configuration and creates its first beans, so the migration run
 * at startup finds them hashed. The read is registered as a bean ({@value #BEAN_NAME}) for
 * {@link MigratorAutoConfiguration}, whose migrator takes it only when its final settings name the same location and
 * unjournaled-file policy; once the context has refreshed, a read no migrator took is let go.
 *
 * <p>Nothing is read ahead with {@code migrator.enabled=false} or {@code migrator.mode=off}, or without the
 * PostgreSQL driver. The {@code migrator.*} values are bound on the reading thread; when they are not valid, nothing
 * is read, and the auto-configuration reports them.
 */
class MigratorJournalPrefetch implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	static final String BEAN_NAME = "migratorJournalPrefetch";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!enabled(environment) || "off".equalsIgnoreCase(environment.getProperty("migrator.mode", "migrate").trim())
				|| !ClassUtils.isPresent("org.postgresql.Driver", context.getClassLoader())
				|| context.getBeanFactory().containsSingleton(BEAN_NAME)) {
			return;
		}
		JournalPrefetch prefetch = JournalPrefetch.start(() -> Binder.get(environment)
			.bind("migrator", MigratorProperties.class)
			.orElseGet(MigratorProperties::new)
			.toSettings(), context.getClassLoader());
		context.getBeanFactory().registerSingleton(BEAN_NAME, prefetch);
		context.addApplicationListener((ApplicationEvent event) -> {
			if (event instanceof ContextRefreshedEvent refreshed && refreshed.getApplicationContext() == context) {
				prefetch.discard();
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Whether {@code migrator.enabled} is true as Spring converts it ({@code false}, {@code off}, {@code no} and
	 * {@code 0} are false); a value it cannot convert fails the start later, with nothing read ahead.
	 */
	private static boolean enabled(ConfigurableEnvironment environment) {
		try {
			return environment.getProperty("migrator.enabled", Boolean.class, true);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
