package dev.migrator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What the generated migrations have created so far, so that each new migration names only tables, columns, indexes
 * and enum labels that exist, and every set applies cleanly with every tool, also inside one transaction for all.
 *
 * <p>Two rules keep the data statements valid whatever came before: every value generated is non-negative (so a
 * later {@code CHECK (col >= 0)} holds), and an enum label added by {@code ALTER TYPE ... ADD VALUE} is never used
 * (PostgreSQL refuses a new label in the transaction that added it, which the single-transaction floor would hit).
 */
final class SchemaModel {

	enum Kind {

		TEXT("text"), INTEGER("integer"), BIGINT("bigint"), BOOLEAN("boolean"), NUMERIC("numeric(12, 2)"),
		TIMESTAMP("timestamp with time zone"), JSONB("jsonb"), UUID("uuid"), ENUM(null), REFERENCE("bigint");

		private final String sqlType;

		Kind(String sqlType) {
			this.sqlType = sqlType;
		}

	}

	/** A column; {@code target} is the enum type of an {@link Kind#ENUM}, the table a {@link Kind#REFERENCE} names. */
	record Column(String name, Kind kind, String target) {

		String sqlType() {
			return (this.kind == Kind.ENUM) ? "\"public\".\"" + this.target + "\"" : this.kind.sqlType;
		}

		boolean numeric() {
			return this.kind == Kind.INTEGER || this.kind == Kind.BIGINT || this.kind == Kind.NUMERIC;
		}

	}

	/** An enum type and the labels that data may use (not those added later). */
	record EnumType(String name, List<String> labels) {
	}

	static final class Table {

		final String name;

		final List<Column> columns = new ArrayList<>();

		final List<String> indexes = new ArrayList<>();

		private int indexNames;

		Table(String name) {
			this.name = name;
		}

		/** {@code base}, or {@code base_2}, {@code base_3} … when the table has that column already. */
		String freeColumnName(String base) {
			String candidate = base;
			for (int i = 2; hasColumn(candidate); i++) {
				candidate = base + "_" + i;
			}
			return candidate;
		}

		/** A new index name; names are never reused, also after a drop. */
		String newIndexName() {
			this.indexNames++;
			return this.name + "_idx_" + this.indexNames;
		}

		private boolean hasColumn(String name) {
			return "id".equals(name) || this.columns.stream().anyMatch((column) -> column.name().equals(name));
		}

		List<Column> columnsOf(Kind... kinds) {
			List<Kind> wanted = List.of(kinds);
			return this.columns.stream().filter((column) -> wanted.contains(column.kind())).toList();
		}

	}

	final List<Table> tables = new ArrayList<>();

	final List<EnumType> enums = new ArrayList<>();

	/** The column's DEFAULT and NOT NULL, as drizzle-kit writes them; a column added later is never NOT NULL alone. */
	String defaultClause(Column column) {
		return switch (column.kind()) {
			case INTEGER, NUMERIC -> " DEFAULT 0";
			case BOOLEAN -> " DEFAULT false NOT NULL";
			case TIMESTAMP -> " DEFAULT now() NOT NULL";
			case JSONB -> " DEFAULT '{}'::jsonb";
			case UUID -> " DEFAULT gen_random_uuid()";
			case ENUM -> " DEFAULT '" + enumNamed(column.target()).labels().get(0) + "' NOT NULL";
			case TEXT, BIGINT, REFERENCE -> "";
		};
	}

	/** A literal of the column's type, as the data migrations write it. */
	String literal(Column column, SplittableRandom random) {
		return switch (column.kind()) {
			case TEXT -> text(random);
			case INTEGER -> Integer.toString(random.nextInt(100_000));
			case BIGINT -> Long.toString(random.nextLong(1_000_000_000_000L));
			case BOOLEAN -> random.nextBoolean() ? "true" : "false";
			case NUMERIC -> random.nextInt(100_000) + "." + String.format("%02d", random.nextInt(100));
			case TIMESTAMP -> String.format("'2024-%02d-%02dT%02d:%02d:00Z'", 1 + random.nextInt(12),
					1 + random.nextInt(28), random.nextInt(24), random.nextInt(60));
			case JSONB -> "'{\"source\": \"import\", \"weight\": " + random.nextInt(100)
					+ ", \"tags\": [\"a\", \"b\"]}'";
			case UUID -> "'" + new UUID(random.nextLong(), random.nextLong()) + "'";
			case ENUM -> "'" + pick(enumNamed(column.target()).labels(), random) + "'";
			case REFERENCE -> "NULL";
		};
	}

	private static String text(SplittableRandom random) {
		// now and then a quote or a semicolon inside a string, which every tool's splitter must respect
		return switch (random.nextInt(20)) {
			case 0 -> "'O''Brien " + random.nextInt(1000) + "'";
			case 1 -> "'a; b " + random.nextInt(1000) + "'";
			default -> "'" + pick(Words.VALUES, random) + "-" + random.nextInt(100_000) + "'";
		};
	}

	private EnumType enumNamed(String name) {
		return this.enums.stream().filter((type) -> type.name().equals(name)).findFirst().orElseThrow();
	}

	static <T> T pick(List<T> items, SplittableRandom random) {
		return items.get(random.nextInt(items.size()));
	}

}
