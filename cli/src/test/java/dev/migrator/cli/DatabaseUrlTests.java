package dev.migrator.cli;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseUrlTests {

	private static DatabaseUrl parse(String url) {
		return DatabaseUrl.parse(url, "the test");
	}

	@Test
	void postgresUrlKeepsUserPercentDecodedPasswordPortDatabaseAndEveryParameter() {
		DatabaseUrl url = parse("postgres://app%2Buser:p%40ss%3Aw%2Fo%25rd+x@db.example.com:6543/my_db"
				+ "?sslmode=verify-full&application_name=billing%20job&options=-c%20search_path%3Dapp");
		assertThat(url.user()).isEqualTo("app+user");
		assertThat(url.password()).isEqualTo("p@ss:w/o%rd+x");
		assertThat(url.hosts()).containsExactly("db.example.com:6543");
		assertThat(url.database()).isEqualTo("my_db");
		assertThat(url.parameters()).containsExactly(Map.entry("sslmode", "verify-full"),
				Map.entry("application_name", "billing job"), Map.entry("options", "-c search_path=app"));
		assertThat(url.toString()).doesNotContain("p@ss");
	}

	@Test
	void postgresqlSchemeDefaultsAndSeveralHosts() {
		assertThat(parse("postgresql://localhost/app").hosts()).containsExactly("localhost:5432");
		assertThat(parse("postgresql:///app").hosts()).containsExactly("localhost:5432");
		assertThat(parse("postgres://u@h1:5433,h2/app").hosts()).containsExactly("h1:5433", "h2:5432");
		assertThat(parse("postgres://u@[::1]:5434/app").hosts()).containsExactly("[::1]:5434");
		assertThat(parse("postgres://u:pw@host").database()).isEmpty();
	}

	@Test
	void anUnencodedAtInThePasswordStillEndsAtTheLastAt() {
		DatabaseUrl url = parse("postgres://app:p@ss@localhost:5432/app");
		assertThat(url.user()).isEqualTo("app");
		assertThat(url.password()).isEqualTo("p@ss");
	}

	@Test
	void unixSocketDirectoryAsEncodedHostOrHostParameter() {
		assertThat(parse("postgres://app@%2Fvar%2Frun%2Fpostgresql/app").unixSocket()).isTrue();
		DatabaseUrl url = parse("postgres:///app?host=/var/run/postgresql");
		assertThat(url.hosts()).containsExactly("/var/run/postgresql");
		assertThat(url.unixSocket()).isTrue();
		assertThat(url.parameters()).isEmpty();
	}

	@Test
	void jdbcUrlIsReadByTheDriversParser() {
		DatabaseUrl url = parse("jdbc:postgresql://db1:5433,db2/app?user=ddl&password=s%40cret&sslmode=require"
				+ "&prepareThreshold=0");
		assertThat(url.hosts()).containsExactly("db1:5433", "db2:5432");
		assertThat(url.database()).isEqualTo("app");
		assertThat(url.user()).isEqualTo("ddl");
		assertThat(url.password()).isEqualTo("s@cret");
		assertThat(url.parameters()).containsOnly(Map.entry("sslmode", "require"), Map.entry("prepareThreshold", "0"));
		assertThat(parse("jdbc:postgresql://[::1]:5432/app").hosts()).containsExactly("[::1]:5432");
	}

	@Test
	void malformedUrlsAreUsageErrorsThatNeverEchoThePassword() {
		for (String bad : List.of("mysql://root:hunter2@localhost/app", "postgres://u:hunter2@host:99999/app",
				"postgres://u:hunter2%zz@host/app", "jdbc:postgresql://host:port/app?password=hunter2")) {
			assertThatExceptionOfType(UsageException.class).as(bad)
				.isThrownBy(() -> parse(bad))
				.withMessageContaining("the test")
				.withMessageNotContaining("hunter2");
		}
	}

}
