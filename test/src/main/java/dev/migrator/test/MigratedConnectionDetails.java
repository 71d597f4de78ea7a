package dev.migrator.test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Connection details that name the test's fresh database on the server that the application's details name: same
 * user, password and driver, another database.
 */
final class MigratedConnectionDetails implements JdbcConnectionDetails {

	private final JdbcConnectionDetails server;

	private final SpringTestDatabase database;

	MigratedConnectionDetails(JdbcConnectionDetails server, SpringTestDatabase database) {
		this.server = server;
		this.database = database;
	}

	@Override
	public String getJdbcUrl() {
		return this.database.database(this.server).jdbcUrl();
	}

	@Override
	public String getUsername() {
		return this.server.getUsername();
	}

	@Override
	public String getPassword() {
		return this.server.getPassword();
	}

	@Override
	public String getDriverClassName() {
		return this.server.getDriverClassName();
	}

	/** Wraps every {@link JdbcConnectionDetails} bean, whoever defined it. */
	static final class Wrapper implements BeanPostProcessor {

		private final SpringTestDatabase database;

		Wrapper(SpringTestDatabase database) {
			this.database = database;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof JdbcConnectionDetails details && !(bean instanceof MigratedConnectionDetails)) {
				return new MigratedConnectionDetails(details, this.database);
			}
			return bean;
		}

	}

}
