package dev.migrator.autoconfigure;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Chooses the DataSource migrations run on, as Spring Boot's Flyway support does:
 * <ol>
 * <li>{@code migrator.url} set: a dedicated non-pooling DataSource; a missing username or password is taken from
 * the application's connection details;</li>
 * <li>only {@code migrator.username} set: the application's URL with that user and {@code migrator.password};</li>
 * <li>else the {@link MigratorDataSource @MigratorDataSource} bean, else the application's DataSource.</li>
 * </ol>
 * A run needs one connection, so a dedicated DataSource does not pool.
 */
final class MigrationDataSources {

	private MigrationDataSources() {
	}

	static DataSource choose(MigratorProperties properties, DataSource qualified, Supplier<DataSource> application,
			JdbcConnectionDetails details) {
		if (StringUtils.hasText(properties.getUrl())) {
			String username = (properties.getUsername() != null || details == null) ? properties.getUsername()
					: details.getUsername();
			String password = (properties.getPassword() != null || details == null) ? properties.getPassword()
					: details.getPassword();
			return dedicated(properties.getUrl(), username, password);
		}
		if (StringUtils.hasText(properties.getUsername())) {
			if (details == null) {
				throw new IllegalStateException("migrator.username is set without migrator.url, and the application's"
						+ " JDBC URL is unknown (no spring.datasource.url): set migrator.url too");
			}
			return dedicated(details.getJdbcUrl(), properties.getUsername(), properties.getPassword());
		}
		if (qualified != null) {
			return qualified;
		}
		DataSource main = application.get();
		if (main == null) {
			throw new IllegalStateException("Several DataSource beans and none is @Primary or @MigratorDataSource:"
					+ " mark the one for migrations with @MigratorDataSource, or set migrator.url");
		}
		return main;
	}

	private static DataSource dedicated(String url, String username, String password) {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
		dataSource.setDriverClass(org.postgresql.Driver.class);
		dataSource.setUrl(url);
		dataSource.setUsername(username);
		dataSource.setPassword(password);
		return dataSource;
	}

}
