package dev.migrator.autoconfigure;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.Migrator;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs every {@link Migrator} bean while the context refreshes, before the beans that use the database
 * ({@link MigratorDatabaseInitializerDetector}).
 *
 * <p>Steps:
 * <ol>
 * <li>create the application's own {@link MigratorInitializer} beans, which run their migrator in their own mode;</li>
 * <li>hand each other Migrator bean, in bean definition order, to the {@link MigratorStartupStrategy} (the
 * application's bean, else the one of {@code migrator.mode}), publishing the migration events of its runs;</li>
 * <li>keep what each startup run applied, by Migrator bean name.</li>
 * </ol>
 */
public final class StartupMigrations implements InitializingBean {

	private final ListableBeanFactory beanFactory;

	private final MigratorStartupStrategy strategy;

	private final ApplicationEventPublisher events;

	private final Map<String, MigratorInitializer> runs = Collections.synchronizedMap(new LinkedHashMap<>());

	/**
	 * Startup runs of every Migrator bean of a bean factory.
	 * @param beanFactory where the Migrator and MigratorInitializer beans are
	 * @param strategy what to do with a Migrator bean that no MigratorInitializer bean runs
	 * @param events where to publish the migration events, or {@code null} for none
	 */
	public StartupMigrations(ListableBeanFactory beanFactory, MigratorStartupStrategy strategy,
			ApplicationEventPublisher events) {
		this.beanFactory = beanFactory;
		this.strategy = strategy;
		this.events = events;
	}

	@Override
	public void afterPropertiesSet() {
		Map<Migrator, MigratorInitializer> own = new IdentityHashMap<>();
		for (MigratorInitializer initializer : this.beanFactory.getBeansOfType(MigratorInitializer.class).values()) {
			own.put(initializer.migrator(), initializer);
		}
		this.beanFactory.getBeansOfType(Migrator.class).forEach((name, migrator) -> {
			MigratorInitializer run = own.get(migrator);
			if (run == null) {
				run = new MigratorInitializer(name, migrator, this.strategy, this.events);
				run.afterPropertiesSet();
			}
			this.runs.put(name, run);
		});
	}

	/**
	 * What the startup run of a migrator applied.
	 * @param migratorBeanName the name of the Migrator bean
	 * @return the report, or {@code null} when that migrator did not migrate at startup
	 */
	public MigrationReport report(String migratorBeanName) {
		MigratorInitializer run = this.runs.get(migratorBeanName);
		return (run != null) ? run.report() : null;
	}

}
