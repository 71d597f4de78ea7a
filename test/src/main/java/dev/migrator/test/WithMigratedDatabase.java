package dev.migrator.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test ({@code @SpringBootTest}, {@code @JdbcTest}, {@code @DataJpaTest} ...) a fresh database with
 * every migration applied, copied from a template ({@link TemplateDatabases}) on the server the test's
 * {@code JdbcConnectionDetails} point at: {@code spring.datasource.*}, a Testcontainers {@code @ServiceConnection},
 * Docker Compose, or a connection details bean of the application. The database the details name is left alone; the
 * application's DataSource uses the fresh one, and its startup migration finds nothing to apply.
 *
 * <p>The folder and history table are those the application migrates: {@code migrator.*} and its
 * {@code MigratorSettingsCustomizer} beans. Each test class has a context of its own, closed after the class (with
 * {@link Scope#METHOD}, after each method), and its database is dropped with it. A slice test that would replace the
 * DataSource needs {@code @AutoConfigureTestDatabase(replace = Replace.NONE)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithMigratedDatabase {

	/** Whether each test class or each test method gets a fresh database (and context). */
	Scope value() default Scope.CLASS;

	/** How long one fresh database lives. */
	enum Scope {

		/** One database for the test class, shared by its methods. */
		CLASS,

		/** One database per test method; the context is started again for each method. */
		METHOD

	}

}
