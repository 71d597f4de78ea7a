package dev.migrator.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code postgres://} URL whose password holds {@code @ : / %}: user, password, port, database and parameters all
 * arrive. The embedded server trusts every login, so the test first makes it check this role's password
 * (scram-sha-256 in pg_hba.conf): a wrong password is then refused, and the right one has to arrive intact.
 */
class ConnectionJarIT {

	private static final String PASSWORD = "p@ss:w/rd%25-x";

	@TempDir
	Path dir;

	@Test
	void encodedPasswordPortDatabaseAndParametersArriveAndThePasswordIsNeverPrinted() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("cli_password");
		String role = "odd_" + UUID.randomUUID().toString().substring(0, 8);
		Sql.execute(db, "CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "'",
				"ALTER DATABASE \"" + db.url().substring(db.url().lastIndexOf('/') + 1) + "\" OWNER TO " + role);
		requirePasswordFor(db, role);
		MigrationsFolder folder = MigrationsFolder.in(this.dir.resolve("drizzle"))
			.add("0000_seen", "CREATE TABLE seen AS SELECT current_user AS who, current_database() AS db,"
					+ " current_setting('application_name') AS app, replace(current_setting('search_path'), ' ', '') AS path;");
		String encoded = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
		assertThat(encoded).isEqualTo("p%40ss%3Aw%2Frd%2525-x");
		String url = MigratorJar.postgresUrl(db, role, encoded)
				+ "?application_name=cli%20test&options=-c%20search_path%3Dpublic,seen_path";

		MigratorJar.Result wrong = MigratorJar.run(this.dir, Map.of("DATABASE_URL", url.replace("%2525", "%2524")),
				"migrate");
		assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(1);
		assertThat(wrong.err()).contains("password authentication failed for user \"" + role + "\"")
			.contains("action: Check the URL (from the DATABASE_URL environment variable), the credentials");

		MigratorJar.Result right = MigratorJar.run(this.dir, Map.of("DATABASE_URL", url), "migrate");
		assertThat(right.exitCode()).as(right.toString()).isZero();
		assertThat(Sql.rows(db, "SELECT who, db, app, path FROM seen")).containsExactly(
				List.of(role, db.url().substring(db.url().lastIndexOf('/') + 1), "cli test", "public,seen_path"));
		for (MigratorJar.Result result : List.of(wrong, right)) {
			assertThat(result.out() + result.err()).doesNotContain(PASSWORD)
				.doesNotContain(encoded)
				.doesNotContain("p@ss");
		}
	}

	/** Makes the embedded server check this role's password; an external server checks passwords already. */
	private static void requirePasswordFor(TestDatabase db, String role) throws Exception {
		if (System.getenv(TestPostgres.URL_VARIABLE) != null) {
			return;
		}
		String hbaFile = Sql.value(db, "SHOW hba_file");
		Sql.execute(db, "COPY (SELECT unnest(ARRAY['host all " + role + " 127.0.0.1/32 scram-sha-256',"
				+ " 'host all " + role + " ::1/128 scram-sha-256', 'host all all 127.0.0.1/32 trust',"
				+ " 'host all all ::1/128 trust', 'local all all trust'])) TO '" + hbaFile + "'",
				"SELECT pg_reload_conf()");
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			try (Connection connection = DriverManager.getConnection(db.url(), role, "not-the-password")) {
				Thread.sleep(50);
			}
			catch (SQLException refused) {
				return;
			}
		}
		throw new AssertionError("The server still accepts any password for " + role);
	}

}
