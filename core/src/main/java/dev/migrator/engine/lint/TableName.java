package dev.migrator.engine.lint;

import java.util.Objects;

/**
 * A table as a statement names it, with PostgreSQL's case folding applied (unquoted names lower-cased, quoted ones
 * kept).
 *
 * @param schema the schema, or {@code null} when the statement leaves it to {@code search_path}
 * @param name the table
 */
public record TableName(String schema, String name) {

	public TableName {
		Objects.requireNonNull(name, "name");
	}

	/** An unqualified table, found through {@code search_path}. */
	public static TableName of(String name) {
		return new TableName(null, name);
	}

	/**
	 * Whether both name the same table as far as the text tells: the names are equal, and the schemas too where
	 * both statements give one (an unqualified name is taken to mean the qualified one, as usually the schema is
	 * the first on {@code search_path}).
	 */
	public boolean sameAs(TableName other) {
		return this.name.equals(other.name)
				&& (this.schema == null || other.schema == null || this.schema.equals(other.schema));
	}

	/** The name quoted for SQL, such as {@code "public"."Users"}, as {@code to_regclass} reads it. */
	public String quoted() {
		return (this.schema != null) ? quote(this.schema) + "." + quote(this.name) : quote(this.name);
	}

	/** As users write it: {@code schema.name} or {@code name}. */
	@Override
	public String toString() {
		return (this.schema != null) ? this.schema + "." + this.name : this.name;
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
