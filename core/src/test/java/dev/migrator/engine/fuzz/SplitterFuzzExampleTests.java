package dev.migrator.engine.fuzz;

import java.util.List;

import dev.migrator.engine.JournalException;
import dev.migrator.engine.SqlStatement;
import dev.migrator.engine.StatementSplitter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Failures the splitter fuzzing found ({@link SplitterFuzzTests}, {@link SplitterServerOracleTests}), as jqwik shrank
 * them, kept as plain examples so that they run first and read as what went wrong.
 */
class SplitterFuzzExampleTests {

	/** Seed 1326, first try: the BOM was counted as a column, so the first statement was reported at 1:2. */
	@Test
	void aBomTakesNoColumn() {
		List<SqlStatement> statements = StatementSplitter.split("fuzz.sql",
				"\uFEFFINSERT INTO fz.fuzz (n, v) VALUES (1, '')");
		assertThat(statements).extracting(SqlStatement::position).containsExactly("1:1");
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> StatementSplitter.split("fuzz.sql", "\uFEFFSELECT 'x"))
			.withMessageContaining("string opened at line 1:8");
	}

}
