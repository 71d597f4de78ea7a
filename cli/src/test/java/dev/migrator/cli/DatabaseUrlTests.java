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
	void hostAndPortParametersReplaceTheAuthoritysAsInLibpq() {
		assertThat(parse("postgres://u@localhost:1/app?port=6000").hosts()).containsExactly("localhost:6000");
		assertThat(parse("postgres://u@localhost/app?host=db.internal").hosts()).containsExactly("db.internal:5432");
		assertThat(parse("postgres://u@a:1,b:2/app?host=c,d").hosts()).containsExactly("c:1", "d:2");
		assertThat(parse("postgres://u@a,b/app?port=7000").hosts()).containsExactly("a:7000", "b:7000");
		assertThat(parse("postgres://u@a,b,c/app?port=1,2,3").hosts()).containsExactly("a:1", "b:2", "c:3");
		assertThat(parse("postgres://u@localhost/app?host=/tmp/pg").unixSocket()).isTrue();
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("postgres://u@a,b,c/app?port=1,2"))
			.withMessageContaining("names 3 host(s) and 2 ports");
	}

	@Test
	void aDbnameParameterReplacesThePathsDatabaseAsInLibpq() {
		assertThat(parse("postgres://u@localhost/ignored?dbname=my%20db").database()).isEqualTo("my db");
		assertThat(parse("postgres://u@localhost?dbname=app").parameters()).doesNotContainKey("dbname");
	}

	@Test
	void queryUserAndPasswordReplaceTheAuthoritysAsInLibpq() {
		DatabaseUrl url = parse("postgres://old:old@localhost/app?user=new&password=n%40w");
		assertThat(url.user()).isEqualTo("new");
		assertThat(url.password()).isEqualTo("n@w");
		assertThat(parse("postgres://@localhost/app").user()).isNull();
	}

	@Test
	void aPasswordWithAnUnencodedSlashOrQuestionMarkIsNamedNotEchoed() {
		for (String bad : List.of("postgres://app:hunter2/x@db.internal:5432/app", "postgres://app:x@hunter2/ter2@db/app",
				"postgres://app:hun/ter2@db.internal/app", "postgres://app:hunter2?x@db.internal:5432/app",
				"postgresql://app:12/hunter2@db/app")) {
			assertThatExceptionOfType(UsageException.class).as(bad)
				.isThrownBy(() -> parse(bad))
				.withMessageContaining("unencoded '/' or '?'")
				.withMessageNotContaining("hunter2")
				.withMessageNotContaining("ter2");
		}
		assertThat(parse("postgres://u@host/app?options=-c%20x%3Dy&user=me@corp").user()).isEqualTo("me@corp");
	}

	@Test
	void aPortThatIsNotDigitsIsNotEchoedForItMayBeAPassword() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("postgres://app:hunter2/app"))
			.withMessageContaining("lacks its @host part")
			.withMessageNotContaining("hunter2");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("postgres://app:123456/app"))
			.withMessageContaining("has a port that is not a number from 1 to 65535 (not shown")
			.withMessageNotContaining("123456");
	}

	@Test
	void aJdbcUrlWithUserAndPasswordBeforeTheHostIsRefusedUnechoed() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> parse("jdbc:postgresql://app:hunter2@127.0.0.1:5432/app"))
			.withMessageContaining("?user=...&password=...")
			.withMessageNotContaining("hunter2");
		assertThat(parse("jdbc:postgresql://h/app?user=me@corp").user()).isEqualTo("me@corp");
	}

	@Test
	void anIpv6AddressWithoutItsClosingBracketIsAUsageError() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("postgres://u@[::1/app"))
			.withMessageContaining("IPv6 address without its closing ']'");
	}

	@Test
	void malformedUrlsAreUsageErrorsThatNeverEchoThePassword() {
		for (String bad : List.of("mysql://root:hunter2@localhost/app", "postgres://u:hunter2@host:99999/app",
				"postgres://u:hunter2%zz@host/app", "jdbc:postgresql://host:port/app?password=hunter2",
				"jdbc:postgresql://u:hunter2@host/app", "postgres://u:hunter2/x@host/app")) {
			assertThatExceptionOfType(UsageException.class).as(bad)
				.isThrownBy(() -> parse(bad))
				.withMessageContaining("the test")
				.withMessageNotContaining("hunter2");
		}
	}

}
