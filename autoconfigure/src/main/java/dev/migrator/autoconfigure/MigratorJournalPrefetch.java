package dev.migrator.autoconfigure;

import dev.migrator.engine.JournalPrefetch;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts reading the {@code migrator} bean's journal when the application context is prepared, before it refreshes,
 * in the way Spring Boot's background pre-initializer warms costly parts up: the files are read and hashed on a
 * thread of their own while the context parses its configuration and creates its first beans, so the migration run
 * at startup finds them hashed. The read is registered as a bean ({@value #BEAN_NAME}) for
 * {@link MigratorAutoConfiguration}, which uses it only when the migrator's final settings name the same location
 * and unjournaled-file policy.
 *
 * <p>Nothing is started with {@code migrator.enabled=false}. Invalid {@code migrator.*} values start nothing either:
 * the auto-configuration reports them.
 */
class MigratorJournalPrefetch implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	static final String BEAN_NAME = "migratorJournalPrefetch";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if ("false".equalsIgnoreCase(environment.getProperty("migrator.enabled", "true").trim())
				|| context.getBeanFactory().containsSingleton(BEAN_NAME)) {
			return;
		}
		JournalPrefetch prefetch = JournalPrefetch.start(() -> Binder.get(environment)
			.bind("migrator", MigratorProperties.class)
			.orElseGet(MigratorProperties::new)
			.toSettings(), context.getClassLoader());
		context.getBeanFactory().registerSingleton(BEAN_NAME, prefetch);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
