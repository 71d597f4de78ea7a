package dev.migrator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.migrator.bench.SchemaModel.Column;
import dev.migrator.bench.SchemaModel.Kind;
import dev.migrator.bench.SchemaModel.Table;

/** The DDL statements of the generated migrations, written as drizzle-kit writes them where it has a form. */
final class Ddl {

	private final SchemaModel schema;

	private final SplittableRandom random;

	Ddl(SchemaModel schema, SplittableRandom random) {
		this.schema = schema;
		this.random = random;
	}

	String foreignKey(Table table, Column column) {
		return "ALTER TABLE \"" + table.name + "\" ADD CONSTRAINT \"" + table.name + "_" + column.name()
				+ "_fk\" FOREIGN KEY (\"" + column.name() + "\") REFERENCES \"public\".\"" + column.target()
				+ "\"(\"id\") ON DELETE cascade ON UPDATE no action;";
	}

	/** A btree on one or two columns, a partial or expression index, or a GIN index on a jsonb column. */
	String index(Table table) {
		List<Column> plain = table.columnsOf(Kind.TEXT, Kind.INTEGER, Kind.BIGINT, Kind.NUMERIC, Kind.BOOLEAN,
				Kind.TIMESTAMP, Kind.UUID, Kind.ENUM, Kind.REFERENCE);
		Column first = SchemaModel.pick(plain, this.random);
		String name = table.newIndexName();
		table.indexes.add(name);
		String on = "CREATE INDEX \"" + name + "\" ON \"" + table.name + "\" USING ";
		List<Column> json = table.columnsOf(Kind.JSONB);
		List<Column> text = table.columnsOf(Kind.TEXT);
		return switch (this.random.nextInt(5)) {
			case 0 -> on + "btree (\"" + first.name() + "\",\"" + SchemaModel.pick(plain, this.random).name()
					+ "\");";
			case 1 -> on + "btree (\"" + first.name() + "\") WHERE \"" + first.name() + "\" IS NOT NULL;";
			case 2 -> on + "btree (lower(\"" + SchemaModel.pick(text, this.random).name() + "\"));";
			case 3 -> json.isEmpty() ? on + "btree (\"" + first.name() + "\");"
					: on + "gin (\"" + SchemaModel.pick(json, this.random).name() + "\");";
			default -> on + "btree (\"" + first.name() + "\");";
		};
	}

	String view(Table table, int number) {
		List<String> columns = new ArrayList<>(List.of("\"id\""));
		for (int i = 1 + this.random.nextInt(3); i > 0; i--) {
			String column = "\"" + SchemaModel.pick(table.columns, this.random).name() + "\"";
			if (!columns.contains(column)) {
				columns.add(column);
			}
		}
		return "CREATE VIEW \"" + table.name + "_view_" + number + "\" AS SELECT " + String.join(", ", columns)
				+ " FROM \"" + table.name + "\" WHERE " + columns.get(columns.size() - 1) + " IS NOT NULL;";
	}

	/** A default, a check, a comment or a dropped index. */
	String tweak(Table table, int number) {
		List<Column> settable = table.columnsOf(Kind.TEXT, Kind.INTEGER, Kind.BIGINT, Kind.NUMERIC, Kind.BOOLEAN,
				Kind.JSONB);
		List<Column> numeric = table.columns.stream().filter(Column::numeric).toList();
		switch (this.random.nextInt(4)) {
			case 0:
				Column column = SchemaModel.pick(settable, this.random);
				return "ALTER TABLE \"" + table.name + "\" ALTER COLUMN \"" + column.name() + "\" SET DEFAULT "
						+ this.schema.literal(column, this.random) + ";";
			case 1:
				if (!numeric.isEmpty()) {
					Column checked = SchemaModel.pick(numeric, this.random);
					return "ALTER TABLE \"" + table.name + "\" ADD CONSTRAINT \"" + table.name + "_check_" + number
							+ "\" CHECK (\"" + checked.name() + "\" >= 0);";
				}
				break;
			case 2:
				if (!table.indexes.isEmpty()) {
					return "DROP INDEX IF EXISTS \"" + table.indexes.remove(this.random.nextInt(table.indexes.size()))
							+ "\";";
				}
				break;
			default:
				break;
		}
		return "COMMENT ON TABLE \"" + table.name + "\" IS 'Owned by the " + SchemaModel.pick(Words.VALUES, this.random)
				+ " team since migration " + number + "';";
	}

}
