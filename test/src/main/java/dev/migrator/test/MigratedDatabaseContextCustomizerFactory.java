package dev.migrator.test;

import java.util.List;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * For a test class annotated {@link WithMigratedDatabase}: registers its {@link SpringTestDatabase} and the post
 * processor that points every {@code JdbcConnectionDetails} bean at it. Registered in {@code META-INF/spring.factories}.
 */
class MigratedDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (TestContextAnnotationUtils.findMergedAnnotation(testClass, WithMigratedDatabase.class) == null) {
			return null;
		}
		return new Customizer(testClass);
	}

	/**
	 * Equal only for the same test class, so that no two classes share a context, and so a database.
	 *
	 * @param testClass the test class
	 */
	private record Customizer(Class<?> testClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			SpringTestDatabase database = new SpringTestDatabase(context);
			DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
			beanFactory.registerSingleton(SpringTestDatabase.BEAN_NAME, database);
			// registered before any bean, so destroyed after all of them: the pool is closed before the drop
			beanFactory.registerDisposableBean(SpringTestDatabase.BEAN_NAME, database);
			beanFactory.addBeanPostProcessor(new MigratedConnectionDetails.Wrapper(database));
		}

	}

}
