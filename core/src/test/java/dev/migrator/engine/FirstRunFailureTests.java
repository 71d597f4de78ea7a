package dev.migrator.engine;

import java.nio.file.Path;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A first run on a database whose schema exists but whose history is elsewhere, or was never written. */
class FirstRunFailureTests {

	@TempDir
	Path dir;

	private TestDatabase db;

	private MigrationsFolder folder;

	@BeforeEach
	void migratedDatabase() {
		this.db = TestPostgres.newDatabase("firstrun");
		this.folder = MigrationsFolder.in(this.dir)
			.add("0000_users", "CREATE TABLE users (id int);")
			.add("0001_posts", "CREATE TABLE posts (id int);");
		new Migrator(this.db.dataSource(), MigratorSettings.defaults(this.folder.location()), (ClassLoader) null)
			.migrate();
	}

	@Test
	void changedHistoryTableSaysTheHistoryMovedAndLeavesNoEmptyTableBehind() {
		MigratorSettings moved = MigratorSettings.defaults(this.folder.location()).withHistoryTable("audit", "history");
		Migrator migrator = new Migrator(this.db.dataSource(), moved, (ClassLoader) null);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("relation \"users\" already exists")
			.withMessageContaining("The history table audit.history holds no rows, yet the database already has what"
					+ " 0000_users creates")
			.withMessageContaining("were migrator.schema or migrator.table changed?")
			.satisfies((ex) -> assertThat(ex.action()).contains("set migrator.schema and migrator.table back")
				.contains("migrator baseline --to <tag>")
				.doesNotContain("editing it is safe"));
		assertThat(Sql.value(this.db, "SELECT to_regclass('audit.history')")).isNull();
		assertThat(Sql.value(this.db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'audit'")).isEqualTo("0");
		assertThat(Sql.value(this.db, "SELECT count(*) FROM drizzle.__drizzle_migrations")).isEqualTo("2");
	}

	@Test
	void existingEmptyHistoryTableIsKeptButTheMessageStillExplains() {
		Sql.execute(this.db, "TRUNCATE drizzle.__drizzle_migrations");
		Migrator migrator = new Migrator(this.db.dataSource(), MigratorSettings.defaults(this.folder.location()),
				(ClassLoader) null);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("holds no rows, yet the database already has what 0000_users creates");
		assertThat(Sql.value(this.db, "SELECT to_regclass('drizzle.__drizzle_migrations')")).isNotNull();
	}

	@Test
	void anOrdinaryFailureOfALaterMigrationKeepsTheUsualAdvice() {
		this.folder.add("0002_broken", "CREATE TABLE posts (id int);");
		Migrator migrator = new Migrator(this.db.dataSource(), MigratorSettings.defaults(this.folder.location()),
				(ClassLoader) null);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageNotContaining("holds no rows")
			.satisfies((ex) -> assertThat(ex.action()).contains("Fix 0002_broken.sql"));
	}

	@Test
	void failedFirstRunOnAFreshDatabaseLeavesNoHistoryTable() {
		TestDatabase fresh = TestPostgres.newDatabase("firstrun_fresh");
		MigrationsFolder broken = MigrationsFolder.in(this.dir.resolve("broken")).add("0000_bad", "SELECT 1/0;");
		Migrator migrator = new Migrator(fresh.dataSource(), MigratorSettings.defaults(broken.location()),
				(ClassLoader) null);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("division by zero");
		assertThat(Sql.value(fresh, "SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'")).isEqualTo("0");
	}

}
