package dev.migrator.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which {@code sslmode} the connection uses, and why. A local server rarely has a certificate and a remote one
 * should never be reached in clear text, so: {@code --ssl-mode} wins; else an {@code sslmode} (or pgjdbc's older
 * {@code ssl=true}) written in the URL, where node-postgres's {@code no-verify} reads as {@code require}; else
 * {@code disable} for {@code localhost}, a loopback address ({@code 127.0.0.1}, {@code ::1}) or a Unix socket and
 * {@code require} for any other host.
 *
 * @param mode the {@code sslmode} value
 * @param reason why, for the line the command prints, such as {@code because localhost is a local host}
 */
record SslChoice(String mode, String reason) {

	static final List<String> MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

	/** node-postgres's sslmode for an encrypted connection whose certificate is not checked: libpq's require. */
	private static final String NODE_NO_VERIFY = "no-verify";

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	/**
	 * Chooses the mode.
	 * @param url the database URL
	 * @param option the {@code --ssl-mode} value, or {@code null}
	 * @return the mode and the reason
	 * @throws UsageException when the option is not a PostgreSQL sslmode
	 */
	static SslChoice of(DatabaseUrl url, String option) {
		if (option != null) {
			String mode = option.toLowerCase(Locale.ROOT);
			if (!MODES.contains(mode)) {
				throw new UsageException("--ssl-mode '" + option + "' is not one of " + String.join(", ", MODES));
			}
			return new SslChoice(mode, "as --ssl-mode says");
		}
		String inUrl = url.parameters().get("sslmode");
		if (inUrl != null) {
			String mode = inUrl.toLowerCase(Locale.ROOT);
			if (mode.equals(NODE_NO_VERIFY)) {
				return new SslChoice("require", "as sslmode=no-verify in the URL says (node-postgres's name for"
						+ " require: encrypted, certificate not checked)");
			}
			if (!MODES.contains(mode)) {
				throw new UsageException("The URL's sslmode '" + inUrl + "' is not one of " + String.join(", ", MODES)
						+ " (or node-postgres's no-verify)");
			}
			return new SslChoice(mode, "as the URL says");
		}
		String legacy = url.parameters().get("ssl");
		if (legacy != null) {
			// pgjdbc's older switch: ssl=true alone means verify-full to the driver
			boolean on = legacy.isEmpty() || Boolean.parseBoolean(legacy);
			return new SslChoice(on ? "verify-full" : "disable", "as ssl=" + legacy + " in the URL says");
		}
		if (url.unixSocket()) {
			return new SslChoice("disable", "because it is a Unix socket");
		}
		for (String host : url.hosts()) {
			String name = host.substring(0, host.lastIndexOf(':'));
			if (!local(name)) {
				return new SslChoice("require", "because " + name + " is not a local host");
			}
		}
		return new SslChoice("disable", "because " + String.join(", ", url.hosts().stream()
			.map((host) -> host.substring(0, host.lastIndexOf(':')))
			.toList()) + (url.hosts().size() == 1 ? " is a local host" : " are local hosts"));
	}

	/**
	 * Whether a host name is this machine: {@code localhost}, or a loopback address written as one (all of
	 * 127.0.0.0/8, and {@code ::1} in any spelling); a name is never looked up.
	 */
	static boolean local(String name) {
		String host = name.toLowerCase(Locale.ROOT);
		if (LOCAL_HOSTS.contains(host)) {
			return true;
		}
		if (IPV4.matcher(host).matches()) {
			return host.startsWith("127.");
		}
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (bare.indexOf(':') >= 0 && IPV6.matcher(bare).matches()) {
			try {
				// a literal address: parsed, not looked up
				return InetAddress.getByName(bare).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return false;
	}

}
