package dev.migrator.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * What the PostgreSQL driver is given: a URL naming only hosts and database, and every other setting as a
 * property, so that nothing needs escaping twice and {@code --user}/{@code --password} simply replace the URL's.
 *
 * <p>Steps of {@link #of(DatabaseUrl, String, String, SslChoice)}:
 * <ol>
 * <li>copy the URL's parameters, renaming the libpq spellings pgjdbc does not know ({@code application_name},
 * {@code connect_timeout});</li>
 * <li>set user and password, the options' over the URL's, and the chosen {@code sslmode};</li>
 * <li>add defaults where the URL sets none: {@code connectTimeout=10} (fail fast in a job),
 * {@code tcpKeepAlive=true} (long migrations behind NAT) with probes after 30 s of silence
 * ({@link KeepAliveSocketFactory}: a dead network ends the run within about a minute), {@code ApplicationName=migrator}
 * (visible in {@code pg_stat_activity}).</li>
 * </ol>
 *
 * @param url {@code jdbc:postgresql://host:port/database}
 * @param properties the driver properties, password included
 * @param description {@code host:port/database as user}, never the password
 */
record JdbcTarget(String url, Properties properties, String description) {

	private static final Map<String, String> LIBPQ_NAMES = Map.of("application_name", "ApplicationName",
			"connect_timeout", "connectTimeout");

	static JdbcTarget of(DatabaseUrl database, String user, String password, SslChoice ssl) {
		if (database.hosts().stream().anyMatch((host) -> host.startsWith("/"))) {
			throw new UsageException("The database URL names a Unix socket directory, and the PostgreSQL JDBC driver"
					+ " connects over TCP only: use host and port, such as postgres://user@localhost:5432/database");
		}
		Properties properties = new Properties();
		database.parameters().forEach((key, value) -> properties.setProperty(LIBPQ_NAMES.getOrDefault(key, key), value));
		String effectiveUser = (user != null) ? user : database.user();
		String effectivePassword = (password != null) ? password : database.password();
		if (effectiveUser != null) {
			properties.setProperty("user", effectiveUser);
		}
		if (effectivePassword != null) {
			properties.setProperty("password", effectivePassword);
		}
		properties.setProperty("sslmode", ssl.mode());
		properties.putIfAbsent("connectTimeout", "10");
		properties.putIfAbsent("tcpKeepAlive", "true");
		properties.putIfAbsent("socketFactory", KeepAliveSocketFactory.class.getName());
		properties.putIfAbsent("ApplicationName", "migrator");
		String url = "jdbc:postgresql://" + String.join(",", database.hosts()) + "/"
				+ URLEncoder.encode(database.database(), StandardCharsets.UTF_8);
		String description = String.join(",", database.hosts())
				+ (database.database().isEmpty() ? " (the user's default database)" : "/" + database.database())
				+ ((effectiveUser != null) ? " as " + effectiveUser : "");
		return new JdbcTarget(url, properties, description);
	}

	@Override
	public String toString() {
		return "JdbcTarget[" + this.url + ", " + this.description + "]";
	}

}
