package dev.migrator.bench;

import java.util.List;

/**
 * One generated migration: its position in the set (from 0), a descriptive name and its statements, each ending
 * with {@code ;}. Every format writes the same statements in the same order.
 */
record GeneratedMigration(int number, String name, List<String> statements) {

	/** Drizzle Kit's tag, {@code NNNN_name}. */
	String tag() {
		return String.format("%04d_%s", this.number, this.name);
	}

	/** The statements as one SQL text, one blank line between them. */
	String sql() {
		return String.join("\n\n", this.statements) + "\n";
	}

}
