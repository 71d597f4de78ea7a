package dev.migrator.engine.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.migrator.engine.lint.LintFixture.offline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What {@code enum-value-used-in-same-migration} predicts, on a real PostgreSQL. */
class EnumValueTests {

	private static TestDatabase db;

	@BeforeAll
	static void database() {
		db = TestPostgres.newDatabase("enumvalue");
	}

	@Test
	void aValueAddedInTheTransactionFailsWith55P04WhereTheLintSaysSo() throws SQLException {
		String add = "ALTER TYPE status ADD VALUE 'archived'";
		String use = "CREATE TABLE post (s status DEFAULT 'archived')";
		assertThat(offline(add + ";\n" + use + ";")).extracting(Finding::rule)
			.containsExactly("enum-value-used-in-same-migration");
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TYPE status AS ENUM ('draft')");
			connection.setAutoCommit(false);
			statement.execute(add);
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute(use))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("55P04"));
			connection.rollback();
		}
	}

	@Test
	void aValueAddedToATypeCreatedInTheSameTransactionIsFlaggedTooAsOlderServersRefuseIt() throws SQLException {
		String sql = "CREATE TYPE mood AS ENUM ('sad');\nALTER TYPE mood ADD VALUE 'happy';\n"
				+ "CREATE TABLE person (m mood DEFAULT 'happy');";
		assertThat(offline(sql)).extracting(Finding::rule).containsExactly("enum-value-used-in-same-migration");
		int version = Integer.parseInt(db.queryValue("SHOW server_version_num"));
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute("CREATE TYPE mood AS ENUM ('sad')");
			statement.execute("ALTER TYPE mood ADD VALUE 'happy'");
			if (version < 150000) {
				// PostgreSQL 14 refuses the use, so the finding is needed for every supported server
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute("CREATE TABLE person (m mood DEFAULT 'happy')"))
					.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("55P04"));
			}
			connection.rollback();
		}
	}

}
