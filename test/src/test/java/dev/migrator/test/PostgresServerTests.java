package dev.migrator.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PostgresServerTests {

	@Test
	void urlOfAnotherDatabaseKeepsHostPortAndParameters() {
		assertThat(PostgresServer.of("jdbc:postgresql://db:5433/app?sslmode=disable", "u", "p").urlOf("other"))
			.isEqualTo("jdbc:postgresql://db:5433/other?sslmode=disable");
		assertThat(PostgresServer.of("jdbc:postgresql://db/app", "u", "p").urlOf("other"))
			.isEqualTo("jdbc:postgresql://db/other");
		assertThat(PostgresServer.of("jdbc:postgresql://db:5432?ssl=true", "u", null).urlOf("other"))
			.isEqualTo("jdbc:postgresql://db:5432/other?ssl=true");
		assertThat(PostgresServer.of("jdbc:postgresql://db:5432/app?ssl=true", "u", "secret").address())
			.isEqualTo("db:5432");
	}

	@Test
	void anotherUrlIsRefusedNamingItWithoutParameters() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PostgresServer.of("jdbc:h2:mem:test?password=secret", "sa", ""))
			.withMessageStartingWith("The test server's JDBC URL 'jdbc:h2:mem:test?...' is not a jdbc:postgresql://")
			.withMessageNotContaining("secret");
	}

}
