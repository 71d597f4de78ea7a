package dev.migrator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.migrator.bench.SchemaModel.Column;
import dev.migrator.bench.SchemaModel.Kind;
import dev.migrator.bench.SchemaModel.Table;

/**
 * The data statements of the generated migrations: multi-row inserts (seed data) and updates (backfills). Foreign-key
 * columns get {@code NULL}, so that no row depends on another table's contents.
 */
final class DataStatements {

	private final SchemaModel schema;

	private final SplittableRandom random;

	DataStatements(SchemaModel schema, SplittableRandom random) {
		this.schema = schema;
		this.random = random;
	}

	/** One insert of 5 to 40 rows into every column but {@code id}. */
	List<String> insert(Table table) {
		List<String> names = table.columns.stream().map((column) -> "\"" + column.name() + "\"").toList();
		List<String> rows = new ArrayList<>();
		for (int i = 5 + this.random.nextInt(36); i > 0; i--) {
			List<String> values = table.columns.stream().map((column) -> this.schema.literal(column, this.random))
				.toList();
			rows.add("\t(" + String.join(", ", values) + ")");
		}
		return List.of("INSERT INTO \"" + table.name + "\" (" + String.join(", ", names) + ") VALUES\n"
				+ String.join(",\n", rows) + ";");
	}

	/** One or two updates of a part of the table's rows. */
	List<String> update(Table table) {
		List<Column> settable = table.columns.stream().filter((column) -> column.kind() != Kind.REFERENCE).toList();
		List<String> statements = new ArrayList<>();
		for (int i = 1 + this.random.nextInt(2); i > 0; i--) {
			Column column = SchemaModel.pick(settable, this.random);
			String value = (column.kind() == Kind.TIMESTAMP && this.random.nextBoolean()) ? "now()"
					: this.schema.literal(column, this.random);
			int modulus = 2 + this.random.nextInt(9);
			statements.add("UPDATE \"" + table.name + "\" SET \"" + column.name() + "\" = " + value + " WHERE \"id\" % "
					+ modulus + " = " + this.random.nextInt(modulus) + ";");
		}
		return statements;
	}

}
