package dev.migrator.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checks that a run did all its work before its time counts: every table of the set exists, and the tool recorded
 * every migration in its history table (the psql floors keep none).
 */
final class Verifier {

	private Verifier() {
	}

	static void check(Tool tool, BenchDatabase database, MigrationSet set) {
		long tables = count(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN"
				+ " ('flyway_schema_history', 'databasechangelog', 'databasechangeloglock')");
		if (tables != set.tables()) {
			throw new IllegalStateException(tool.label() + " left " + tables + " tables in " + database.name()
					+ " where the set of " + set.size() + " creates " + set.tables()
					+ "; see its log in the work folder");
		}
		String history = switch (tool) {
			case MIGRATOR -> "SELECT count(*) FROM \"drizzle\".\"__drizzle_migrations\"";
			case FLYWAY -> "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL";
			case LIQUIBASE -> "SELECT count(*) FROM databasechangelog";
			case PSQL_PER_MIGRATION, PSQL_SINGLE_TRANSACTION -> null;
		};
		if (history != null && count(database, history) != set.size()) {
			throw new IllegalStateException(tool.label() + " recorded " + count(database, history) + " migrations in "
					+ database.name() + " instead of " + set.size() + "; see its log in the work folder");
		}
	}

	private static long count(BenchDatabase database, String sql) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + " failed on " + database.name() + ": " + ex.getMessage(), ex);
		}
	}

}
