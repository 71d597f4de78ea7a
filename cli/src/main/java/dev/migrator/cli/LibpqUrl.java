package dev.migrator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads libpq's URL, the one Node.js tools and {@code psql} take:
 * {@code postgres://user:password@host:port,host2:port/database?key=value}.
 *
 * <p>Steps:
 * <ol>
 * <li>the authority ends at the first {@code /} or {@code ?}; within it the last {@code @} ends the credentials (so
 * an unencoded {@code @} in a password still works), and the first {@code :} of the credentials ends the user;</li>
 * <li>user, password, database and each parameter are percent-decoded ({@code +} stays a plus sign);</li>
 * <li>{@code user}, {@code password}, {@code host}, {@code port} and {@code dbname} parameters replace what the
 * authority and path say, as libpq reads them (one port for every host, or one per host); the other parameters are
 * kept as they are.</li>
 * </ol>
 * An {@code @} in the path or in a parameter's name is a password with an unencoded {@code /} or {@code ?} (or a
 * database name with an unencoded {@code @}): refused with how to encode it, without echoing any of it.
 */
final class LibpqUrl {

	private final String source;

	private LibpqUrl(String source) {
		this.source = source;
	}

	/**
	 * Reads the part of a URL after {@code postgres://}.
	 * @param rest the URL without its scheme
	 * @param source where the URL came from, for messages
	 * @return its parts
	 */
	static DatabaseUrl parse(String rest, String source) {
		return new LibpqUrl(source).read(rest);
	}

	private DatabaseUrl read(String rest) {
		int end = DatabaseUrl.authorityEnd(rest);
		String authority = rest.substring(0, end);
		String tail = rest.substring(end);
		int at = authority.lastIndexOf('@');
		if (misplacedAt(tail)) {
			throw new UsageException("The database URL from " + this.source + " has an '@' after its host part: its"
					+ " user or password seems to hold an unencoded '/' or '?' (or its database name an '@'). Percent-encode"
					+ " them in the URL (/ as %2F, ? as %3F, # as %23, @ as %40, : as %3A)");
		}
		String user = null;
		String password = null;
		if (at >= 0) {
			String credentials = authority.substring(0, at);
			int colon = credentials.indexOf(':');
			user = decode(colon < 0 ? credentials : credentials.substring(0, colon), "user");
			password = (colon < 0) ? null : decode(credentials.substring(colon + 1), "password");
		}
		int question = tail.indexOf('?');
		String path = (question < 0) ? tail : tail.substring(0, question);
		String database = path.isEmpty() ? "" : decode(path.substring(1), "database name");
		Map<String, String> parameters = (question < 0) ? new LinkedHashMap<>() : parameters(tail.substring(question + 1));
		String databaseParameter = parameters.remove("dbname");
		if (databaseParameter != null && !databaseParameter.isEmpty()) {
			database = databaseParameter;
		}
		String userParameter = parameters.remove("user");
		String passwordParameter = parameters.remove("password");
		List<String> hosts = hosts(decode(authority.substring(at + 1), "host"), parameters);
		return new DatabaseUrl(hosts, database, (userParameter != null) ? userParameter : emptyAsNull(user),
				(passwordParameter != null) ? passwordParameter : password, parameters);
	}

	/** The value, or {@code null} for none or an empty one (as libpq takes an empty user or password). */
	static String emptyAsNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** Whether an {@code @} stands in the path or in a parameter's name (a value may hold one, such as a user's). */
	private static boolean misplacedAt(String tail) {
		int question = tail.indexOf('?');
		if (tail.substring(0, (question < 0) ? tail.length() : question).indexOf('@') >= 0) {
			return true;
		}
		if (question >= 0) {
			for (String pair : tail.substring(question + 1).split("&")) {
				int equals = pair.indexOf('=');
				if ((equals < 0 ? pair : pair.substring(0, equals)).indexOf('@') >= 0) {
					return true;
				}
			}
		}
		return false;
	}

	private Map<String, String> parameters(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String key = decode((equals < 0) ? pair : pair.substring(0, equals), "parameter name");
			parameters.put(key, (equals < 0) ? "" : decode(pair.substring(equals + 1), "parameter " + key));
		}
		return parameters;
	}

	/**
	 * Each host as {@code host:port}; IPv6 addresses in brackets; a Unix socket directory as it is. The {@code host}
	 * and {@code port} parameters replace the authority's hosts and ports, as in libpq.
	 */
	private List<String> hosts(String hostList, Map<String, String> parameters) {
		String hostParameter = parameters.remove("host");
		String portParameter = parameters.remove("port");
		List<String> names = new ArrayList<>();
		List<String> ports = new ArrayList<>();
		for (String host : hostList.isEmpty() ? new String[0] : hostList.split(",", -1)) {
			if (host.startsWith("/")) {
				names.add(host);
				ports.add("");
				continue;
			}
			int bracket = host.lastIndexOf(']');
			if (host.startsWith("[") != (bracket >= 0)) {
				throw new UsageException("The database URL from " + this.source + " has an IPv6 address without its"
						+ " closing ']' (or a ']' without '['): write it as [::1] or [::1]:5432");
			}
			int colon = host.lastIndexOf(':');
			boolean hasPort = colon > bracket && (host.startsWith("[") || host.indexOf(':') == colon);
			names.add(hasPort ? host.substring(0, colon) : host);
			ports.add(hasPort ? host.substring(colon + 1) : "");
		}
		if (hostParameter != null && !hostParameter.isEmpty()) {
			names = new ArrayList<>(List.of(hostParameter.split(",", -1)));
		}
		if (portParameter != null && !portParameter.isEmpty()) {
			ports = List.of(portParameter.split(",", -1));
		}
		if (names.isEmpty()) {
			names.add("");
		}
		if (ports.size() > 1 && ports.size() != names.size()) {
			throw new UsageException("The database URL from " + this.source + " names " + names.size() + " host(s) and "
					+ ports.size() + " ports: give one port for all hosts, or one per host");
		}
		List<String> hosts = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			if (name.startsWith("/")) {
				hosts.add(name);
				continue;
			}
			if (name.isEmpty()) {
				name = "localhost";
			}
			if (!name.startsWith("[") && name.contains(":")) {
				name = "[" + name + "]";
			}
			String port = ports.isEmpty() ? "" : ports.get(ports.size() == 1 ? 0 : i);
			hosts.add(name + ":" + DatabaseUrl.port(port, this.source));
		}
		return hosts;
	}

	private String decode(String part, String what) {
		return PercentDecoder.decode(part, what + " in the database URL from " + this.source);
	}

}
