package dev.migrator.autoconfigure;

import dev.migrator.engine.MigrationReport;
import dev.migrator.engine.Migrator;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.SingletonBeanRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs one {@link Migrator} in a {@link MigratorProperties.Mode}, or through a {@link MigratorStartupStrategy}, while
 * the context refreshes. Beans that use the database are created after it ({@link MigratorDatabaseInitializerDetector}).
 * {@link StartupMigrations} runs every Migrator bean anyway; define a MigratorInitializer bean only to give a migrator
 * another mode or strategy than the application's.
 *
 * <p>Steps of {@link #afterPropertiesSet()}:
 * <ol>
 * <li>find the Migrator's bean name (events carry it), else name it by its location;</li>
 * <li>add a listener that publishes the migration events and keeps the report ({@link MigrationEventPublisher});</li>
 * <li>hand the listened-to migrator to the strategy.</li>
 * </ol>
 */
public class MigratorInitializer implements InitializingBean, ApplicationContextAware {

	private final Migrator migrator;

	private final MigratorStartupStrategy strategy;

	private String migratorName;

	private ApplicationEventPublisher events;

	private ListableBeanFactory beans;

	private volatile MigrationReport report;

	public MigratorInitializer(Migrator migrator, MigratorProperties.Mode mode) {
		this(migrator, MigratorStartupStrategy.of(mode));
	}

	public MigratorInitializer(Migrator migrator, MigratorStartupStrategy strategy) {
		this.migrator = migrator;
		this.strategy = strategy;
	}

	/** The run of a Migrator bean whose name {@link StartupMigrations} knows. */
	MigratorInitializer(String migratorName, Migrator migrator, MigratorStartupStrategy strategy,
			ApplicationEventPublisher events) {
		this(migrator, strategy);
		this.migratorName = migratorName;
		this.events = events;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.events = context;
		this.beans = context;
	}

	@Override
	public void afterPropertiesSet() {
		String name = (this.migratorName != null) ? this.migratorName : beanName();
		Migrator observed = this.migrator
			.withListener(new MigrationEventPublisher(this.events, name, this.migrator, (done) -> this.report = done));
		this.strategy.start(name, observed);
	}

	/**
	 * The Migrator bean that is this migrator, else its location (a migrator that is not a bean). Only beans already
	 * created are looked at (this one was, to be injected here): creating the others could meet one in creation, whose
	 * failure a start's report would then show as a related cause.
	 */
	private String beanName() {
		if (this.beans != null) {
			for (String name : this.beans.getBeanNamesForType(Migrator.class, false, false)) {
				Object bean = (this.beans instanceof SingletonBeanRegistry registry) ? registry.getSingleton(name)
						: this.beans.getBean(name);
				if (bean == this.migrator) {
					return name;
				}
			}
		}
		return this.migrator.settings().location();
	}

	/** The migrator this initializer runs. */
	public Migrator migrator() {
		return this.migrator;
	}

	/** What the startup run applied, or {@code null} when it did not migrate. */
	public MigrationReport report() {
		return this.report;
	}

}
