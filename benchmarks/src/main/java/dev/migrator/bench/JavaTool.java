package dev.migrator.bench;

import java.nio.file.Path;

import javax.sql.DataSource;

/**
 * A migration tool driven through its Java API in a child JVM, as an application drives it: {@link #open} builds its
 * objects on the application's data source, {@link Session#run} applies what is pending (or finds nothing to do).
 */
interface JavaTool {

	Session open(DataSource dataSource, Path input) throws Exception;

	/** A tool built on one data source; {@link #run} may be called again, as an endpoint or a health check does. */
	interface Session extends AutoCloseable {

		void run() throws Exception;

		@Override
		default void close() throws Exception {
		}

	}

	/**
	 * The tool of an id: {@code migrator} ({@code migrate()}), {@code migrator-status} ({@code status()}),
	 * {@code flyway} ({@code migrate()}) or {@code liquibase} ({@code update()}). Only the named tool's classes load.
	 */
	static JavaTool named(String id) {
		return switch (id) {
			case "migrator" -> new MigratorTool(false);
			case "migrator-status" -> new MigratorTool(true);
			case "flyway" -> new FlywayTool();
			case "liquibase" -> new LiquibaseTool();
			default -> throw new IllegalArgumentException("Unknown tool '" + id + "': use migrator, migrator-status,"
					+ " flyway or liquibase");
		};
	}

}
