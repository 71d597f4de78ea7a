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
 * <li>{@code user}, {@code password}, {@code host} and {@code port} parameters fill in what the authority leaves
 * out; the other parameters are kept as they are.</li>
 * </ol>
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
		int end = rest.length();
		for (int i = 0; i < rest.length() && end == rest.length(); i++) {
			if (rest.charAt(i) == '/' || rest.charAt(i) == '?') {
				end = i;
			}
		}
		String authority = rest.substring(0, end);
		String tail = rest.substring(end);
		int at = authority.lastIndexOf('@');
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
		String userParameter = parameters.remove("user");
		String passwordParameter = parameters.remove("password");
		List<String> hosts = hosts(decode(authority.substring(at + 1), "host"), parameters);
		return new DatabaseUrl(hosts, database, (user == null || user.isEmpty()) ? userParameter : user,
				(password == null) ? passwordParameter : password, parameters);
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

	/** Each host as {@code host:port}; IPv6 addresses in brackets; a Unix socket directory as it is. */
	private List<String> hosts(String hostList, Map<String, String> parameters) {
		String hostParameter = parameters.remove("host");
		String portParameter = parameters.remove("port");
		String list = hostList;
		if (list.isEmpty()) {
			list = (hostParameter != null && !hostParameter.isEmpty()) ? hostParameter : "localhost";
		}
		List<String> hosts = new ArrayList<>();
		for (String host : list.split(",")) {
			if (host.startsWith("/")) {
				hosts.add(host);
				continue;
			}
			int bracket = host.lastIndexOf(']');
			int colon = host.lastIndexOf(':');
			boolean hasPort = colon > bracket && (host.startsWith("[") || host.indexOf(':') == colon);
			String name = hasPort ? host.substring(0, colon) : host;
			String port = hasPort ? host.substring(colon + 1) : ((portParameter != null) ? portParameter : "");
			if (name.isEmpty()) {
				name = "localhost";
			}
			if (!name.startsWith("[") && name.contains(":")) {
				name = "[" + name + "]";
			}
			hosts.add(name + ":" + DatabaseUrl.port(port, this.source));
		}
		return hosts;
	}

	private String decode(String part, String what) {
		return PercentDecoder.decode(part, what + " in the database URL from " + this.source);
	}

}
