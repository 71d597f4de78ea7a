package dev.migrator.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class StatementSplitterTests {

	private static List<String> texts(String sql) {
		return StatementSplitter.split("test.sql", sql).stream().map(SqlStatement::sql).toList();
	}

	@Test
	void splitsOnSemicolonsAndDrizzleBreakpointsOnTheSameLine() {
		String sql = "CREATE TABLE a (id int);--> statement-breakpoint\nCREATE TABLE b (id int);--> statement-breakpoint\n"
				+ "ALTER TABLE b ADD COLUMN x int;";
		assertThat(texts(sql)).containsExactly("CREATE TABLE a (id int)", "CREATE TABLE b (id int)",
				"ALTER TABLE b ADD COLUMN x int");
	}

	@Test
	void breakpointAloneEndsAStatementWithoutSemicolon() {
		assertThat(texts("CREATE TABLE a (id int)\n--> statement-breakpoint\nCREATE TABLE b (id int)"))
			.containsExactly("CREATE TABLE a (id int)", "CREATE TABLE b (id int)");
	}

	@Test
	void dollarQuotedBodiesKeepTheirSemicolons() {
		String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$\nBEGIN\n  PERFORM 1; RETURN 2;\nEND;\n$body$;\n"
				+ "DO $$ BEGIN RAISE NOTICE 'a;b'; END $$;\nSELECT $1";
		List<String> statements = texts(sql);
		assertThat(statements).hasSize(3);
		assertThat(statements.get(0)).endsWith("$body$").contains("PERFORM 1; RETURN 2;");
		assertThat(statements.get(1)).isEqualTo("DO $$ BEGIN RAISE NOTICE 'a;b'; END $$");
		assertThat(statements.get(2)).isEqualTo("SELECT $1");
	}

	@Test
	void beginAtomicBodiesEndAtTheirEndNotAtInnerSemicolons() {
		String sql = "CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC\n"
				+ "  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\n  SELECT a + 1;\nEND;\nCREATE TABLE t (id int);";
		List<String> statements = texts(sql);
		assertThat(statements).hasSize(2);
		assertThat(statements.get(0)).startsWith("CREATE FUNCTION g").endsWith("SELECT a + 1;\nEND");
		assertThat(statements.get(1)).isEqualTo("CREATE TABLE t (id int)");
	}

	@Test
	void nestedBlockCommentsAreSkipped() {
		assertThat(texts("/* outer /* inner; */ still comment; */ SELECT 1; /* trailing */"))
			.containsExactly("SELECT 1");
	}

	@Test
	void escapeStringsMayHoldEscapedQuotesAndSemicolons() {
		assertThat(texts("INSERT INTO t VALUES (E'it\\'s; here', 'plain ''quoted''; text');SELECT 2"))
			.containsExactly("INSERT INTO t VALUES (E'it\\'s; here', 'plain ''quoted''; text')", "SELECT 2");
	}

	@Test
	void quotedIdentifiersMayHoldSemicolons() {
		assertThat(texts("CREATE TABLE \"odd;name\" (\"a\"\"b;\" int);SELECT 1"))
			.containsExactly("CREATE TABLE \"odd;name\" (\"a\"\"b;\" int)", "SELECT 1");
	}

	@Test
	void lineCommentsAndBlankPartsAreNotStatements() {
		assertThat(texts("-- only a comment;\n;\n  ;\n-- another")).isEmpty();
	}

	@Test
	void eachStatementKnowsItsLineAndColumn() {
		List<SqlStatement> statements = StatementSplitter.split("x.sql", "SELECT 1;\n\n  -- c\n  SELECT 2;  SELECT\n3;");
		assertThat(statements).extracting(SqlStatement::number).containsExactly(1, 2, 3);
		assertThat(statements).extracting(SqlStatement::position).containsExactly("1:1", "4:3", "4:14");
	}

	@Test
	void crlfLineEndingsAndBomAreTolerated() {
		List<SqlStatement> statements = StatementSplitter.split("x.sql", "\uFEFFSELECT 1;\r\nSELECT 2;\r\n");
		assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT 2");
		assertThat(statements.get(1).line()).isEqualTo(2);
	}

	@Test
	void aLoneCarriageReturnEndsALineCommentAsInPostgresql() {
		// old Mac line ends: without the \r ending the comment, the rest of the file would be one comment
		List<SqlStatement> statements = StatementSplitter.split("cr.sql",
				"CREATE TABLE a (id int);--> statement-breakpoint\rCREATE TABLE b (id int);\r-- a note\rINSERT INTO b"
						+ " VALUES (1);\r");
		assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple("CREATE TABLE a (id int)", 1), tuple("CREATE TABLE b (id int)", 2),
					tuple("INSERT INTO b VALUES (1)", 4));
		assertThat(StatementSplitter.split("mixed.sql", "SELECT 1;\r\nSELECT 2;\rSELECT 3;\nSELECT 4;"))
			.extracting(SqlStatement::line)
			.containsExactly(1, 2, 3, 4);
	}

	@Test
	void unterminatedDollarQuoteNamesFileAndLine() {
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> StatementSplitter.split("0003_fn.sql", "SELECT 1;\nCREATE FUNCTION f() AS $x$ SELECT 1;"))
			.withMessageContaining("0003_fn.sql")
			.withMessageContaining("dollar-quoted body $x$")
			.withMessageContaining("line 2:");
	}

	@Test
	void unterminatedStringAndCommentAreErrors() {
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> StatementSplitter.split("a.sql", "SELECT 'x"))
			.withMessageContaining("string opened at line 1:8");
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> StatementSplitter.split("a.sql", "SELECT 1 /* /* */"))
			.withMessageContaining("block comment");
	}

	@Test
	void classifiesStatementsThatCannotRunInATransaction() {
		assertThat(autocommit("CREATE INDEX CONCURRENTLY i ON t (a)")).isTrue();
		assertThat(autocommit("create unique index concurrently i on t (a)")).isTrue();
		assertThat(autocommit("DROP INDEX CONCURRENTLY IF EXISTS i")).isTrue();
		assertThat(autocommit("REINDEX (VERBOSE) TABLE CONCURRENTLY t")).isTrue();
		assertThat(autocommit("VACUUM ANALYZE t")).isTrue();
		assertThat(autocommit("ALTER SYSTEM SET work_mem = '8MB'")).isTrue();
		assertThat(autocommit("CREATE DATABASE other")).isTrue();
		assertThat(autocommit("DROP TABLESPACE ts")).isTrue();
		assertThat(autocommit("ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY")).isTrue();
		assertThat(autocommit("REINDEX SCHEMA public")).isTrue();
		assertThat(autocommit("reindex (verbose) database app")).isTrue();
		assertThat(autocommit("REINDEX SYSTEM")).isTrue();
		assertThat(autocommit("REINDEX INDEX schema_idx")).isFalse();
		// DISCARD ALL also releases the run's advisory lock: refused inside the transaction, never run alone
		assertThat(autocommit("DISCARD ALL")).isFalse();
		assertThat(autocommit("CREATE INDEX i ON t (a)")).isFalse();
		assertThat(autocommit("CREATE TABLE concurrently (a int)")).isFalse();
		assertThat(autocommit("ALTER TABLE p DETACH PARTITION p1")).isFalse();
		assertThat(autocommit("REINDEX TABLE t")).isFalse();
		assertThat(autocommit("INSERT INTO t VALUES ('VACUUM')")).isFalse();
	}

	private static boolean autocommit(String sql) {
		return StatementSplitter.split("x.sql", sql).get(0).requiresAutocommit();
	}

}
