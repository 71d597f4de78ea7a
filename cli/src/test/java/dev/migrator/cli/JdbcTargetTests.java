package dev.migrator.cli;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The driver properties the CLI builds: SSL choice, credentials, parameters and defaults. */
class JdbcTargetTests {

	private static JdbcTarget target(String url, String user, String password, String sslMode) {
		DatabaseUrl database = DatabaseUrl.parse(url, "the test");
		return JdbcTarget.of(database, user, password, SslChoice.of(database, sslMode));
	}

	@Test
	void localHostsDisableSsl() {
		for (String host : new String[] { "localhost", "LOCALHOST", "127.0.0.1", "[::1]" }) {
			assertThat(target("postgres://u@" + host + ":5432/app", null, null, null).properties())
				.as(host)
				.containsEntry("sslmode", "disable");
		}
		assertThat(SslChoice.of(DatabaseUrl.parse("jdbc:postgresql://[::1]/app", "t"), null).mode()).isEqualTo("disable");
		assertThat(SslChoice.of(DatabaseUrl.parse("postgres:///app?host=/var/run/postgresql", "t"), null))
			.isEqualTo(new SslChoice("disable", "because it is a Unix socket"));
	}

	@Test
	void aRemoteLookingHostRequiresSsl() {
		JdbcTarget target = target("postgres://app:pw@db.internal.example:5432/app", null, null, null);
		assertThat(target.properties()).containsEntry("sslmode", "require");
		assertThat(SslChoice.of(DatabaseUrl.parse("postgres://u@localhost,10.0.0.5/app", "t"), null))
			.isEqualTo(new SslChoice("require", "because 10.0.0.5 is not a local host"));
	}

	@Test
	void sslmodeInTheUrlWinsAndTheOptionOverridesEverything() {
		assertThat(target("postgres://u@db.example/app?sslmode=verify-full", null, null, null).properties())
			.containsEntry("sslmode", "verify-full");
		assertThat(target("postgres://u@localhost/app?sslmode=require", null, null, null).properties())
			.containsEntry("sslmode", "require");
		assertThat(SslChoice.of(DatabaseUrl.parse("jdbc:postgresql://localhost/app?ssl=true", "t"), null))
			.isEqualTo(new SslChoice("verify-full", "as ssl=true in the URL says"));
		assertThat(target("postgres://u@db.example/app?sslmode=verify-full", null, null, "DISABLE").properties())
			.containsEntry("sslmode", "disable");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> target("postgres://u@localhost/app", null, null, "sometimes"))
			.withMessageContaining("--ssl-mode 'sometimes' is not one of disable, allow, prefer, require");
	}

	@Test
	void optionsReplaceTheUrlsCredentialsAndParametersAndDefaultsArrive() {
		JdbcTarget target = target("postgres://app:old@localhost:6000/my%20db?application_name=billing"
				+ "&connect_timeout=3&options=-c%20statement_timeout%3D5s", "ddl_owner", "n3w", null);
		assertThat(target.url()).isEqualTo("jdbc:postgresql://localhost:6000/my+db");
		Properties properties = target.properties();
		assertThat(properties).containsEntry("user", "ddl_owner")
			.containsEntry("password", "n3w")
			.containsEntry("ApplicationName", "billing")
			.containsEntry("connectTimeout", "3")
			.containsEntry("options", "-c statement_timeout=5s")
			.containsEntry("tcpKeepAlive", "true");
		assertThat(target.description()).isEqualTo("localhost:6000/my db as ddl_owner");
		assertThat(target("postgres://app@localhost/app", null, null, null).properties())
			.containsEntry("ApplicationName", "migrator")
			.containsEntry("connectTimeout", "10")
			.containsEntry("tcpKeepAlive", "true")
			.doesNotContainKey("password");
	}

	@Test
	void theUrlsSslmodeIsCheckedAndNodePostgresNoVerifyIsRequire() {
		assertThat(SslChoice.of(DatabaseUrl.parse("postgres://u@db.example/app?sslmode=no-verify", "t"), null).mode())
			.isEqualTo("require");
		assertThat(SslChoice.of(DatabaseUrl.parse("postgres://u@db.example/app?sslmode=Verify-Full", "t"), null).mode())
			.isEqualTo("verify-full");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> SslChoice.of(DatabaseUrl.parse("postgres://u@localhost/app?sslmode=bogus", "t"), null))
			.withMessageContaining("The URL's sslmode 'bogus' is not one of disable, allow, prefer, require");
	}

	@Test
	void everyLoopbackSpellingIsLocalAndOtherAddressesAndNamesAreNot() {
		for (String local : List.of("localhost", "LOCALHOST", "127.0.0.1", "127.0.0.2", "127.255.0.9", "[::1]",
				"[0:0:0:0:0:0:0:1]", "[0000::0001]")) {
			assertThat(SslChoice.local(local)).as(local).isTrue();
		}
		for (String remote : List.of("128.0.0.1", "10.0.0.5", "[::2]", "[fe80::1]", "db.example", "127.0.0.1.example",
				"localhost.example")) {
			assertThat(SslChoice.local(remote)).as(remote).isFalse();
		}
	}

	@Test
	void aUrlWithoutDatabaseSaysItUsesTheDefault() {
		assertThat(target("postgres://app@localhost:6000", null, null, null).description())
			.isEqualTo("localhost:6000 (the user's default database) as app");
	}

	@Test
	void aUnixSocketHostIsAConfigurationError() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> target("postgres:///app?host=/var/run/postgresql", null, null, null))
			.withMessageContaining("connects over TCP only");
	}

}
