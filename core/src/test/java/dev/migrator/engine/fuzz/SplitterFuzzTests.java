package dev.migrator.engine.fuzz;

import java.util.List;

import dev.migrator.engine.SqlStatement;
import dev.migrator.engine.StatementSplitter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The splitter on generated files ({@link SqlFiles}): it returns exactly the statements the file was built from, each
 * at its line:column. A fixed seed keeps CI repeatable; a failure found here is shrunk by jqwik and kept as an example
 * in {@link SplitterFuzzExampleTests}.
 */
class SplitterFuzzTests {

	@Property(tries = 3000, seed = "1326", shrinking = ShrinkingMode.FULL)
	void splitterReturnsTheKnownStatementsAtTheirLineAndColumn(@ForAll("files") SqlFile file) {
		file.features().forEach((feature) -> Statistics.label("features").collect(feature));
		List<SqlStatement> statements = StatementSplitter.split("fuzz.sql", file.text());
		assertThat(statements).extracting(SqlStatement::sql).containsExactlyElementsOf(file.sql());
		assertThat(statements).extracting(SqlStatement::position)
			.containsExactlyElementsOf(file.statements().stream().map(SqlFile.Expected::position).toList());
	}

	@Provide
	Arbitrary<SqlFile> files() {
		return SqlFiles.files();
	}

}
