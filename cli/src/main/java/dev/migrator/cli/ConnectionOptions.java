package dev.migrator.cli;

import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Option;

/** Where to connect: the options every command shares, and how they combine with the environment. */
final class ConnectionOptions {

	static final String PASSWORD_VARIABLE = "PGPASSWORD";

	@Option(names = "--url", paramLabel = "<url>", order = 1,
			description = "postgres://user:password@host:port/database?param=value or jdbc:postgresql://..."
					+ " Default: $DATABASE_URL, else DATABASE_URL in the dotenv file $ROOT_ENV names, else in ./.env.")
	String url;

	@Option(names = "--user", paramLabel = "<user>", order = 2, description = "Login user; replaces the URL's.")
	String user;

	@Option(names = "--password", paramLabel = "<password>", order = 3,
			description = "Login password; replaces the URL's. Default: the URL's, else $PGPASSWORD. Never printed.")
	String password;

	@Option(names = "--ssl-mode", paramLabel = "<mode>", order = 4,
			description = "disable, allow, prefer, require, verify-ca or verify-full. Default: the URL's sslmode,"
					+ " else disable for localhost and loopback addresses (127.0.0.1, ::1), require for other hosts.")
	String sslMode;

	/**
	 * The connection these options and the environment describe.
	 * @param environment the environment variables
	 * @param workingDirectory where {@code .env} is looked for
	 * @return the driver's URL and properties, and the SSL choice
	 * @throws UsageException when no URL is found or it cannot be read
	 */
	Resolved resolve(Map<String, String> environment, Path workingDirectory) {
		UrlLookup.Found found = UrlLookup.find(this.url, environment, workingDirectory);
		DatabaseUrl database = DatabaseUrl.parse(found.url(), found.source());
		SslChoice ssl = SslChoice.of(database, this.sslMode);
		// as psql and node-postgres do, PGPASSWORD gives the password a URL leaves out
		String password = (this.password != null || database.password() != null) ? this.password
				: LibpqUrl.emptyAsNull(environment.get(PASSWORD_VARIABLE));
		return new Resolved(JdbcTarget.of(database, this.user, password, ssl), ssl, found.source());
	}

	/**
	 * A connection ready to open.
	 *
	 * @param target the driver's URL and properties
	 * @param ssl the SSL mode chosen, and why
	 * @param source where the URL came from
	 */
	record Resolved(JdbcTarget target, SslChoice ssl, String source) {

		/** The line a command prints before it connects; never the password. */
		String describe() {
			return "Connecting to " + this.target.description() + " (URL from " + this.source + "), sslmode="
					+ this.ssl.mode() + " " + this.ssl.reason();
		}

	}

}
