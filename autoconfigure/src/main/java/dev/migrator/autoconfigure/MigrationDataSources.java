package dev.migrator.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrator.engine.Migrator;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Chooses the DataSource the auto-configured migrator runs on, as Spring Boot's Flyway support does:
 * <ol>
 * <li>{@code migrator.url} set: a dedicated non-pooling DataSource; a missing username or password is taken from
 * the application's connection details;</li>
 * <li>only {@code migrator.username} set: the URL of the DataSource the next step chooses (read from it as Spring
 * Boot's {@code DataSourceBuilder.derivedFrom} reads it, else the application's connection details) with that user
 * and {@code migrator.password};</li>
 * <li>else the {@link MigratorDataSource @MigratorDataSource} bean, else the application's DataSource (the only or
 * the {@code @Primary} one).</li>
 * </ol>
 * The connection properties are checked first, so a wrong one stops startup before anything connects. A run needs one
 * connection, so a dedicated DataSource does not pool.
 */
final class MigrationDataSources {

	private static final String EXAMPLE_URL = "jdbc:postgresql://localhost:5432/app";

	private MigrationDataSources() {
	}

	/**
	 * The DataSource to migrate.
	 * @return the DataSource, or {@code null} when the application has several DataSource beans and none is chosen
	 * @throws MigratorConfigurationException when the connection properties cannot be used
	 */
	static DataSource choose(MigratorProperties properties, DataSource qualified, Supplier<DataSource> application,
			JdbcConnectionDetails details) {
		checkCredentials(properties);
		if (StringUtils.hasText(properties.getUrl())) {
			checkUrl(properties.getUrl(), "migrator.url '" + withoutParameters(properties.getUrl()) + "'",
					"Set migrator.url to a URL such as " + EXAMPLE_URL + ", or remove it to migrate the application's"
							+ " DataSource.");
			String username = (properties.getUsername() != null || details == null) ? properties.getUsername()
					: details.getUsername();
			String password = (properties.getPassword() != null || details == null) ? properties.getPassword()
					: details.getPassword();
			return dedicated(properties.getUrl(), username, password);
		}
		DataSource chosen = (qualified != null) ? qualified : application.get();
		if (StringUtils.hasText(properties.getUsername())) {
			// the database of the DataSource that would be migrated, as that user (Spring Boot's Flyway derives
			// its DataSource from the application's the same way)
			String url = urlOf(chosen);
			if (url == null && qualified == null && details != null) {
				url = details.getJdbcUrl();
			}
			if (!StringUtils.hasText(url)) {
				throw new MigratorConfigurationException("migrator.username is set without migrator.url, and the JDBC URL"
						+ " of the DataSource to migrate cannot be read from it"
						+ ((chosen != null) ? " (a " + chosen.getClass().getName() + ")" : " (there is none)"),
						"Set migrator.url too, such as " + EXAMPLE_URL + ".");
			}
			checkUrl(url, "migrator.username is set without migrator.url, and the JDBC URL '" + withoutParameters(url)
					+ "' of the DataSource to migrate",
					"Set migrator.url to the PostgreSQL database to migrate, such as " + EXAMPLE_URL + ".");
			return dedicated(url, properties.getUsername(), properties.getPassword());
		}
		return chosen;
	}

	/** The JDBC URL a DataSource connects to, as Spring Boot reads it from the pools it knows; else {@code null}. */
	private static String urlOf(DataSource dataSource) {
		if (dataSource == null) {
			return null;
		}
		try {
			DataSource derived = DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class).build();
			return ((SimpleDriverDataSource) derived).getUrl();
		}
		catch (RuntimeException ex) {
			// a pool type Spring Boot cannot read, or a driver not on the class path
			return null;
		}
	}

	/**
	 * The error for several DataSource beans of which none is chosen, unless each has a migrator of its own.
	 * @param dataSources every DataSource bean, by name
	 * @param migrators the application's own migrators
	 * @return the error to throw, or {@code null} when every DataSource is migrated by one of them
	 */
	static MigratorConfigurationException unchosen(Map<String, DataSource> dataSources, Collection<Migrator> migrators) {
		List<String> unmigrated = dataSources.entrySet()
			.stream()
			.filter((dataSource) -> migrators.stream().noneMatch((migrator) -> migrator.dataSource() == dataSource.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		if (unmigrated.isEmpty()) {
			return null;
		}
		return new MigratorConfigurationException("The application has several DataSource beans " + dataSources.keySet()
				+ " and none is @Primary or @MigratorDataSource, so Migrator cannot tell which one to migrate;"
				+ " no Migrator bean migrates " + unmigrated,
				"Mark the DataSource to migrate @Primary or @MigratorDataSource, or set migrator.url, or define a"
						+ " Migrator bean for each DataSource (README, \"Several databases\").");
	}

	private static void checkCredentials(MigratorProperties properties) {
		if (StringUtils.hasText(properties.getPassword()) && !StringUtils.hasText(properties.getUsername())) {
			throw new MigratorConfigurationException(
					"migrator.password is set but migrator.username is not, so the password would be ignored",
					"Set migrator.username to the user the password belongs to, or remove migrator.password.");
		}
	}

	private static void checkUrl(String url, String subject, String action) {
		if (org.postgresql.Driver.parseURL(url, null) == null) {
			throw new MigratorConfigurationException(
					subject + " is not a PostgreSQL JDBC URL: Migrator migrates PostgreSQL databases only", action);
		}
	}

	/** The URL without its parameters, which may hold a password. */
	private static String withoutParameters(String url) {
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) + "?..." : url;
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
