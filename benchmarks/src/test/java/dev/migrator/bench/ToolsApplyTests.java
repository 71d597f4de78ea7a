package dev.migrator.bench;

import java.nio.file.Path;
import java.util.List;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every tool applies the same generated set completely, and a second run applies nothing. */
class ToolsApplyTests {

	private static final MigrationSet SET = MigrationSetGenerator.generate(150, 16);

	@TempDir
	static Path dir;

	private static SetFiles files;

	@BeforeAll
	static void writeSet() {
		System.setProperty("liquibase.analytics.enabled", "false");
		files = SetFiles.write(SET, dir.resolve("set"));
	}

	@Test
	void migratorAppliesTheJournalFolderOnceAndThenFindsNothingToDo() throws Exception {
		appliesOnceAndThenNothing(Tool.MIGRATOR);
	}

	@Test
	void flywayAppliesTheVersionedFilesOnceAndThenFindsNothingToDo() throws Exception {
		appliesOnceAndThenNothing(Tool.FLYWAY);
	}

	@Test
	void liquibaseAppliesTheChangelogOnceAndThenFindsNothingToDo() throws Exception {
		appliesOnceAndThenNothing(Tool.LIQUIBASE);
	}

	@Test
	void bothPsqlScriptsCreateEveryTable() throws Exception {
		assumeTrue(Psql.available(), "no psql on the PATH");
		for (Tool floor : List.of(Tool.PSQL_PER_MIGRATION, Tool.PSQL_SINGLE_TRANSACTION)) {
			BenchDatabase database = database(floor);
			double millis = new Psql(dir).run(database, floor.input(files), database.name());
			assertThat(millis).isPositive();
			Verifier.check(floor, database, SET);
		}
	}

	private static void appliesOnceAndThenNothing(Tool tool) throws Exception {
		BenchDatabase database = database(tool);
		for (int run = 0; run < 2; run++) {
			try (JavaTool.Session session = JavaTool.named(tool.id()).open(database.dataSource(), tool.input(files))) {
				session.run();
			}
			Verifier.check(tool, database, SET);
		}
	}

	private static BenchDatabase database(Tool tool) {
		TestDatabase test = TestPostgres.newDatabase(tool.id());
		String name = test.url().substring(test.url().lastIndexOf('/') + 1);
		return new BenchDatabase(name, test.url(), test.username(), test.password());
	}

}
