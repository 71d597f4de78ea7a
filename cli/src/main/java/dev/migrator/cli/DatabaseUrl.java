package dev.migrator.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.postgresql.Driver;

/**
 * A PostgreSQL connection URL taken apart: hosts, database, user, password and every parameter. Two spellings are
 * read, so the {@code DATABASE_URL} a Node.js service uses works as it is:
 * <ul>
 * <li>libpq's {@code postgres://} or {@code postgresql://user:password@host:port,host2:port/database?key=value}, with
 * percent-encoded user, password and parameters (a password may contain {@code @ : / %} when encoded), read by
 * {@link LibpqUrl};</li>
 * <li>pgjdbc's {@code jdbc:postgresql://host:port/database?key=value}, read by the driver's own parser.</li>
 * </ul>
 *
 * @param hosts {@code host:port} of each server, IPv6 addresses in brackets; a Unix socket's directory as it is
 * @param database the database name, or empty for the server's default
 * @param user the user, or {@code null}
 * @param password the password, or {@code null}; never shown: {@link #toString()} leaves it out
 * @param parameters the other query parameters, decoded, in their order
 */
record DatabaseUrl(List<String> hosts, String database, String user, String password, Map<String, String> parameters) {

	static final int DEFAULT_PORT = 5432;

	private static final String EXPECTED = "expected postgres://user:password@host:port/database?param=value or"
			+ " jdbc:postgresql://host:port/database?param=value";

	DatabaseUrl {
		hosts = List.copyOf(hosts);
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/**
	 * Reads a URL.
	 * @param url the URL
	 * @param source where it came from, such as {@code the DATABASE_URL environment variable}
	 * @return its parts
	 * @throws UsageException naming the source (never echoing the URL, which may hold a password)
	 */
	static DatabaseUrl parse(String url, String source) {
		String trimmed = url.strip();
		if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
			return LibpqUrl.parse(trimmed.substring(trimmed.indexOf("://") + 3), source);
		}
		if (trimmed.startsWith("jdbc:postgresql:")) {
			return parseJdbc(trimmed, source);
		}
		int colon = trimmed.indexOf(':');
		throw new UsageException("The database URL from " + source + " is not a PostgreSQL URL"
				+ (colon > 0 && colon < 20 ? " (it starts with '" + trimmed.substring(0, colon + 1) + "')" : "") + ": "
				+ EXPECTED);
	}

	/** Where the authority ({@code user:password@host:port,...}) of a URL without its scheme ends. */
	static int authorityEnd(String rest) {
		for (int i = 0; i < rest.length(); i++) {
			if (rest.charAt(i) == '/' || rest.charAt(i) == '?') {
				return i;
			}
		}
		return rest.length();
	}

	static int port(String port, String source) {
		if (port.isEmpty()) {
			return DEFAULT_PORT;
		}
		try {
			int value = Integer.parseInt(port);
			if (value >= 1 && value <= 65535) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		// never echoed: the text after a host's ':' may be a password whose '@host' part is missing
		throw new UsageException("The database URL from " + source + " has a port that is not a number from 1 to"
				+ " 65535 (not shown, in case it is a password: then the URL lacks its @host part, as in"
				+ " postgres://user:password@host:5432/database)");
	}

	private static DatabaseUrl parseJdbc(String url, String source) {
		if (url.startsWith("jdbc:postgresql://")) {
			String rest = url.substring("jdbc:postgresql://".length());
			if (rest.substring(0, authorityEnd(rest)).indexOf('@') >= 0) {
				// the driver would take user:password@host for a host name, and its messages would show it
				throw new UsageException("The JDBC URL from " + source + " puts user and password before the host"
						+ " (user:password@host), which the PostgreSQL JDBC driver does not read: write"
						+ " jdbc:postgresql://host:port/database?user=...&password=..., or give the postgres:// URL as"
						+ " it is");
			}
		}
		Properties parsed = Driver.parseURL(url, new Properties());
		if (parsed == null) {
			throw new UsageException("The database URL from " + source + " is not a URL the PostgreSQL driver reads: "
					+ EXPECTED);
		}
		String[] names = parsed.getProperty("PGHOST", "localhost").split(",");
		String[] ports = parsed.getProperty("PGPORT", Integer.toString(DEFAULT_PORT)).split(",");
		List<String> hosts = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			hosts.add(names[i] + ":" + port(i < ports.length ? ports[i] : "", source));
		}
		String database = parsed.getProperty("PGDBNAME", "");
		String user = parsed.getProperty("user");
		String password = parsed.getProperty("password");
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String key : parsed.stringPropertyNames()) {
			if (!List.of("PGHOST", "PGPORT", "PGDBNAME", "user", "password").contains(key)) {
				parameters.put(key, parsed.getProperty(key));
			}
		}
		return new DatabaseUrl(hosts, database, user, password, parameters);
	}

	/** Whether it connects through a Unix socket rather than TCP. */
	boolean unixSocket() {
		return this.hosts.stream().anyMatch((host) -> host.startsWith("/"))
				|| this.parameters.getOrDefault("socketFactory", "").toLowerCase(Locale.ROOT).contains("unix");
	}

	@Override
	public String toString() {
		return "DatabaseUrl[" + String.join(",", this.hosts) + "/" + this.database + ", user=" + this.user
				+ (this.password != null ? ", password hidden" : "") + ", parameters=" + this.parameters.keySet() + "]";
	}

}

