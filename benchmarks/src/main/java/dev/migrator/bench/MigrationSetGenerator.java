package dev.migrator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.migrator.bench.SchemaModel.Column;
import dev.migrator.bench.SchemaModel.EnumType;
import dev.migrator.bench.SchemaModel.Kind;
import dev.migrator.bench.SchemaModel.Table;

/**
 * Generates a migration set shaped like a real project's history, from one seeded random stream.
 *
 * <p>Each migration is drawn in turn, about: 22 % a new table (with a foreign key and indexes at times), 14 % new
 * columns, 8 % a new enum and a column of it, 3 % a label added to an enum, 15 % inserted rows, 12 % an update, 12 %
 * a new index (composite, partial, expression or GIN), 6 % a view and 8 % small changes (a default, a check, a
 * comment, a dropped index). The first four are tables, so that everything after has something to work on. The
 * vocabulary is in {@link Words}; what exists so far is in {@link SchemaModel}, and {@link DataStatements} writes the
 * rows.
 */
final class MigrationSetGenerator {

	private final SplittableRandom random;

	private final SchemaModel schema = new SchemaModel();

	private final DataStatements data;

	private final Ddl ddl;

	private MigrationSetGenerator(long seed) {
		this.random = new SplittableRandom(seed);
		this.data = new DataStatements(this.schema, this.random);
		this.ddl = new Ddl(this.schema, this.random);
	}

	static MigrationSet generate(int count, long seed) {
		MigrationSetGenerator generator = new MigrationSetGenerator(seed);
		List<GeneratedMigration> migrations = new ArrayList<>(count);
		for (int number = 0; number < count; number++) {
			migrations.add(generator.next(number));
		}
		return new MigrationSet(seed, List.copyOf(migrations), generator.schema.tables.size());
	}

	private GeneratedMigration next(int number) {
		int roll = this.random.nextInt(100);
		if (this.schema.tables.size() < 4 || roll < 22) {
			return createTable(number);
		}
		Table table = SchemaModel.pick(this.schema.tables, this.random);
		if (roll < 36) {
			return new GeneratedMigration(number, "add_columns_" + table.name, addColumns(table, number));
		}
		if (roll < 44) {
			return createEnum(table, number);
		}
		if (roll < 47) {
			return addEnumLabel(number);
		}
		if (roll < 62) {
			return new GeneratedMigration(number, "seed_" + table.name, this.data.insert(table));
		}
		if (roll < 74) {
			return new GeneratedMigration(number, "backfill_" + table.name, this.data.update(table));
		}
		if (roll < 86) {
			return new GeneratedMigration(number, "index_" + table.name, List.of(this.ddl.index(table)));
		}
		if (roll < 92) {
			return new GeneratedMigration(number, "view_" + table.name, List.of(this.ddl.view(table, number)));
		}
		return new GeneratedMigration(number, "tweak_" + table.name, List.of(this.ddl.tweak(table, number)));
	}

	private GeneratedMigration createTable(int number) {
		Table table = new Table(SchemaModel.pick(Words.NOUNS, this.random) + "_" + number);
		List<String> definitions = new ArrayList<>(List.of("\t\"id\" bigserial PRIMARY KEY NOT NULL"));
		Column name = new Column("name", Kind.TEXT, null);
		table.columns.add(name);
		definitions.add("\t\"name\" text NOT NULL");
		int extra = 2 + this.random.nextInt(6);
		for (int i = 0; i < extra; i++) {
			Column column = newColumn(table);
			table.columns.add(column);
			definitions.add("\t\"" + column.name() + "\" " + column.sqlType() + this.schema.defaultClause(column));
		}
		List<String> statements = new ArrayList<>();
		statements.add("CREATE TABLE \"" + table.name + "\" (\n" + String.join(",\n", definitions) + "\n);");
		table.columnsOf(Kind.REFERENCE).forEach((column) -> statements.add(this.ddl.foreignKey(table, column)));
		for (int i = this.random.nextInt(3); i > 0; i--) {
			statements.add(this.ddl.index(table));
		}
		this.schema.tables.add(table);
		return new GeneratedMigration(number, "create_" + table.name, statements);
	}

	private List<String> addColumns(Table table, int number) {
		List<String> statements = new ArrayList<>();
		for (int i = 1 + this.random.nextInt(3); i > 0; i--) {
			Column column = newColumn(table);
			table.columns.add(column);
			statements.add("ALTER TABLE \"" + table.name + "\" ADD COLUMN \"" + column.name() + "\" "
					+ column.sqlType() + this.schema.defaultClause(column) + ";");
			if (column.kind() == Kind.REFERENCE) {
				statements.add(this.ddl.foreignKey(table, column));
			}
		}
		if (this.random.nextBoolean()) {
			statements.add(this.ddl.index(table));
		}
		return statements;
	}

	private Column newColumn(Table table) {
		int roll = this.random.nextInt(100);
		if (roll < 12 && !this.schema.tables.isEmpty()) {
			Table target = SchemaModel.pick(this.schema.tables, this.random);
			String base = target.name.substring(0, target.name.lastIndexOf('_')) + "_id";
			return new Column(table.freeColumnName(base), Kind.REFERENCE, target.name);
		}
		if (roll < 20 && !this.schema.enums.isEmpty()) {
			EnumType type = SchemaModel.pick(this.schema.enums, this.random);
			return new Column(table.freeColumnName(type.name()), Kind.ENUM, type.name());
		}
		List<Kind> plain = List.of(Kind.TEXT, Kind.TEXT, Kind.INTEGER, Kind.BIGINT, Kind.NUMERIC, Kind.BOOLEAN,
				Kind.TIMESTAMP, Kind.JSONB, Kind.UUID);
		Kind kind = SchemaModel.pick(plain, this.random);
		return new Column(table.freeColumnName(SchemaModel.pick(Words.COLUMNS.get(kind), this.random)), kind, null);
	}

	private GeneratedMigration createEnum(Table table, int number) {
		String name = SchemaModel.pick(Words.ENUM_NAMES, this.random) + "_" + number;
		List<String> labels = SchemaModel.pick(Words.ENUM_LABELS, this.random);
		this.schema.enums.add(new EnumType(name, labels));
		Column column = new Column(table.freeColumnName(name), Kind.ENUM, name);
		table.columns.add(column);
		return new GeneratedMigration(number, "enum_" + name, List.of(
				"CREATE TYPE \"public\".\"" + name + "\" AS ENUM('" + String.join("', '", labels) + "');",
				"ALTER TABLE \"" + table.name + "\" ADD COLUMN \"" + column.name() + "\" " + column.sqlType()
						+ this.schema.defaultClause(column) + ";"));
	}

	private GeneratedMigration addEnumLabel(int number) {
		if (this.schema.enums.isEmpty()) {
			return new GeneratedMigration(number, "comment", List.of("COMMENT ON SCHEMA \"public\" IS 'schema "
					+ number + "';"));
		}
		EnumType type = SchemaModel.pick(this.schema.enums, this.random);
		// alone in its migration, and never used by later data (see SchemaModel)
		return new GeneratedMigration(number, "extend_" + type.name(),
				List.of("ALTER TYPE \"public\".\"" + type.name() + "\" ADD VALUE 'extra_" + number + "';"));
	}

}
