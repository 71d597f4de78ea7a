package dev.migrator.engine;

import java.sql.Connection;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseNameTests {

	@Test
	void hostPortAndDatabaseWithoutParameters() {
		assertThat(DatabaseName.fromUrl("jdbc:postgresql://db.internal:6543/app?user=ddl&password=s3cret"))
			.isEqualTo("db.internal:6543/app");
	}

	@Test
	void missingPortIsPostgresDefault() {
		assertThat(DatabaseName.fromUrl("jdbc:postgresql://db/app")).isEqualTo("db:5432/app");
		assertThat(DatabaseName.fromUrl("jdbc:postgresql:app")).isEqualTo("localhost:5432/app");
		assertThat(DatabaseName.fromUrl("jdbc:postgresql://[::1]/app")).isEqualTo("[::1]:5432/app");
	}

	@Test
	void severalHostsAreListed() {
		assertThat(DatabaseName.fromUrl("jdbc:postgresql://a:5432,b/app?targetServerType=primary"))
			.isEqualTo("a:5432,b:5432/app");
	}

	@Test
	void userInfoIsNeverShown() {
		assertThat(DatabaseName.fromUrl("jdbc:postgresql://ddl:s3cret@db:5432/app")).isEqualTo("db:5432/app");
	}

	@Test
	void otherOrMissingUrlIsUnnamed() {
		assertThat(DatabaseName.fromUrl("jdbc:mysql://db/app")).isEqualTo("an unnamed database");
		assertThat(DatabaseName.fromUrl(null)).isEqualTo("an unnamed database");
	}

	@Test
	void openConnectionIsNamedByItsUrl() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("dbname");
		String database = db.url().substring(db.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		try (Connection connection = db.connect()) {
			assertThat(DatabaseName.of(connection)).matches(".+:\\d+/" + database);
		}
	}

}
