package dev.migrator.bench;

import java.nio.file.Path;
import java.util.Locale;

/** The contenders, in the order the table lists them. */
enum Tool {

	PSQL_PER_MIGRATION(false), PSQL_SINGLE_TRANSACTION(false), MIGRATOR(true), FLYWAY(true), LIQUIBASE(true);

	private final boolean java;

	Tool(boolean java) {
		this.java = java;
	}

	/** The name in the table (the peers' versions come from their jars, read only here, in the parent JVM). */
	String label() {
		return switch (this) {
			case PSQL_PER_MIGRATION -> "psql, one transaction per migration (the floor)";
			case PSQL_SINGLE_TRANSACTION -> "psql, one transaction for all";
			case MIGRATOR -> "Migrator";
			case FLYWAY -> "Flyway " + Versions.of("org.flywaydb.core.Flyway");
			case LIQUIBASE -> "Liquibase " + Versions.of("liquibase.Liquibase");
		};
	}

	/** The id {@link JavaTool#named} knows it by, and the word in its databases' names. */
	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether it runs in a JVM through its Java API (else it is a psql floor). */
	boolean java() {
		return this.java;
	}

	/** What the tool reads: a folder, or for psql a script. */
	Path input(SetFiles files) {
		return switch (this) {
			case PSQL_PER_MIGRATION -> files.psqlPerMigration();
			case PSQL_SINGLE_TRANSACTION -> files.psqlSingleTransaction();
			case MIGRATOR -> files.drizzle();
			case FLYWAY -> files.flyway();
			case LIQUIBASE -> files.liquibase();
		};
	}

}
