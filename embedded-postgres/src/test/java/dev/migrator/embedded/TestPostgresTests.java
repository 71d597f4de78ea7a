package dev.migrator.embedded;

import java.sql.Connection;

import dev.migrator.embedded.TestPostgres.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestPostgresTests {

	@Test
	void embeddedServerRunsThePostgresVersionTheBuildSelects() throws Exception {
		Assumptions.assumeTrue(System.getenv(TestPostgres.URL_VARIABLE) == null, "an external server is in use");
		String selected = System.getProperty("postgres.version");
		Assumptions.assumeTrue(selected != null, "run through Maven, which passes -Dpostgres.version");
		String version = TestPostgres.newDatabase("version").queryValue("SHOW server_version");
		System.out.println("Embedded PostgreSQL server_version " + version + " (postgres.version=" + selected + ")");
		assertThat(version).startsWith(selected.substring(0, selected.indexOf('.')) + ".");
	}

	@Test
	void eachCallGivesAFreshEmptyDatabase() throws Exception {
		TestDatabase first = TestPostgres.newDatabase("fresh");
		TestDatabase second = TestPostgres.newDatabase("fresh");
		assertThat(first.url()).isNotEqualTo(second.url());
		try (Connection connection = first.connect()) {
			connection.createStatement().execute("CREATE TABLE only_in_first (id int)");
		}
		assertThat(second.queryValue("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'")).isEqualTo("0");
		assertThat(first.queryValue("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'")).isEqualTo("1");
	}

}
