package dev.migrator.engine.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migrator.engine.SqlStatement;

/**
 * {@code enum-value-used-in-same-migration}: within one transactional segment of a migration (a file's own
 * {@code COMMIT} ends one), a string literal equal to a value that an earlier {@code ALTER TYPE name ADD VALUE
 * [IF NOT EXISTS] 'value'} added. This holds also for a type created earlier in the same transaction: recent
 * PostgreSQL releases allow that use, but PostgreSQL 14, which Migrator supports, refuses it (SQLSTATE 55P04). A
 * literal is matched by its text alone (the lint does not know which column it goes to), and literals inside
 * dollar-quoted bodies are not looked at.
 */
final class EnumCheck {

	private EnumCheck() {
	}

	/**
	 * @param tokensOf a statement's tokens, asked for only where they matter: an {@code ALTER TYPE}, and the
	 * statements after a value was added
	 */
	static void check(MigrationLint lint, List<SqlStatement> segment, Function<SqlStatement, Tokens> tokensOf) {
		Map<String, Added> added = new LinkedHashMap<>();
		for (SqlStatement statement : segment) {
			if (statement.word(0).equals("ALTER") && statement.word(1).equals("TYPE")) {
				Tokens tokens = tokensOf.apply(statement);
				TableName type = tokens.tableName(2);
				int value = tokens.skip(tokens.afterName(2), "ADD", "VALUE");
				value = tokens.skip(value, "IF", "NOT", "EXISTS");
				if (type != null && tokens.get(value).kind() == Token.Kind.STRING) {
					added.putIfAbsent(tokens.get(value).value(), new Added(type, statement.line()));
				}
				continue;
			}
			if (!added.isEmpty()) {
				reportUses(lint, statement, tokensOf.apply(statement), added);
			}
		}
	}

	private static void reportUses(MigrationLint lint, SqlStatement statement, Tokens tokens,
			Map<String, Added> added) {
		List<String> reported = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			Added value = (token.kind() == Token.Kind.STRING) ? added.get(token.value()) : null;
			if (value != null && !reported.contains(token.value())) {
				reported.add(token.value());
				lint.report(Rule.ENUM_VALUE_USED_IN_SAME_MIGRATION, statement, token, "The value '" + token.value()
						+ "', added to " + value.type() + " by ALTER TYPE ... ADD VALUE at line " + value.line()
						+ " in the same transaction,", null, false);
			}
		}
	}

	/** A value added to an enum type, and the line of the {@code ALTER TYPE}. */
	private record Added(TableName type, int line) {
	}

}
