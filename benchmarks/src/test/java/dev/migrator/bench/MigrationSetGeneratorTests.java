package dev.migrator.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationSetGeneratorTests {

	@Test
	void sameSeedAndSizeGiveTheSameStatementsAndASmallerSetIsAPrefix() {
		MigrationSet small = MigrationSetGenerator.generate(100, 7);
		MigrationSet again = MigrationSetGenerator.generate(100, 7);
		MigrationSet large = MigrationSetGenerator.generate(1000, 7);
		assertThat(again).isEqualTo(small);
		assertThat(large.migrations().subList(0, 100)).isEqualTo(small.migrations());
		assertThat(MigrationSetGenerator.generate(100, 8).migrations()).isNotEqualTo(small.migrations());
	}

	@Test
	void setMixesTablesIndexesEnumsAltersAndData() {
		List<String> statements = MigrationSetGenerator.generate(1000, 16)
			.migrations()
			.stream()
			.flatMap((migration) -> migration.statements().stream())
			.toList();
		for (String start : List.of("CREATE TABLE", "CREATE INDEX", "CREATE TYPE", "ALTER TYPE", "ALTER TABLE",
				"INSERT INTO", "UPDATE", "CREATE VIEW", "COMMENT ON", "DROP INDEX")) {
			assertThat(statements).as(start)
				.filteredOn((statement) -> statement.startsWith(start))
				.hasSizeGreaterThan(5);
		}
		assertThat(statements).allSatisfy((statement) -> assertThat(statement).endsWith(";"));
	}

	@Test
	void tableCountIsTheNumberOfCreateTableStatements() {
		MigrationSet set = MigrationSetGenerator.generate(300, 16);
		long created = set.migrations()
			.stream()
			.flatMap((migration) -> migration.statements().stream())
			.filter((statement) -> statement.startsWith("CREATE TABLE"))
			.count();
		assertThat(set.tables()).isEqualTo((int) created);
	}

	@Test
	void enumLabelIsAddedAloneInItsMigration() {
		assertThat(MigrationSetGenerator.generate(1000, 16).migrations())
			.filteredOn((migration) -> migration.statements().stream().anyMatch((sql) -> sql.startsWith("ALTER TYPE")))
			.isNotEmpty()
			.allSatisfy((migration) -> assertThat(migration.statements()).hasSize(1));
	}

}
