package dev.migrator.autoconfigure;

import dev.migrator.engine.MigratorSettings;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * At native-image build time, registers the files of the folder {@code migrator.location} names, when it is another
 * classpath folder than the default one ({@link MigratorRuntimeHints} registers that one). The location is read as
 * the running application reads it, so an unprefixed one means {@code classpath:}.
 */
class MigratorLocationAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBean("environment")) {
			return null;
		}
		Environment environment = beanFactory.getBean("environment", Environment.class);
		String location = Binder.get(environment)
			.bind("migrator", MigratorProperties.class)
			.map((properties) -> properties.toSettings().location())
			.orElse(MigratorSettings.DEFAULT_LOCATION);
		if (location.equals(MigratorSettings.DEFAULT_LOCATION)) {
			return null;
		}
		return (generationContext, code) -> MigratorRuntimeHints
			.registerLocation(generationContext.getRuntimeHints().resources(), location);
	}

}
