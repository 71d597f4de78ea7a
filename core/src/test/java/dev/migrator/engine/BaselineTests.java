package dev.migrator.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.DrizzleFixture;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link Migrator#baseline(String)} on the drizzle-kit fixture: Drizzle's rows, then only the later entries run. */
class BaselineTests {

	private static final Path FOLDER = DrizzleFixture.migrations();

	private TestDatabase db;

	@BeforeEach
	void freshDatabase() {
		this.db = TestPostgres.newDatabase("baseline");
	}

	private Migrator migrator() {
		return new Migrator(this.db.dataSource(), MigratorSettings.defaults("file:" + FOLDER), (ClassLoader) null);
	}

	/** The schema of the first three entries, created without any history, as another tool would have. */
	private void runFirstThreeByHand() throws Exception {
		for (Migration migration : migrator().journal().migrations().subList(0, 3)) {
			Sql.execute(this.db, migration.statements().stream().map(SqlStatement::sql).toArray(String[]::new));
		}
	}

	private static List<List<String>> drizzleRows(int count) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		for (Migration migration : new Migrator(null, MigratorSettings.defaults("file:" + FOLDER), (ClassLoader) null)
			.journal()
			.migrations()
			.subList(0, count)) {
			rows.add(List.of(JournalTests.sha256sum(FOLDER.resolve(migration.entry().fileName())),
					Long.toString(migration.entry().when())));
		}
		return rows;
	}

	@Test
	void recordsTheEntriesUpToTheTagAsDrizzleWouldThenMigrateRunsOnlyTheRest() throws Exception {
		runFirstThreeByHand();
		assertThat(migrator().baseline("0002_post_status")).extracting(Migration::tag)
			.containsExactly("0000_create_users", "0001_add_posts", "0002_post_status");
		assertThat(Sql.history(this.db)).isEqualTo(drizzleRows(3));
		assertThat(migrator().migrate().applied()).extracting(AppliedMigration::tag)
			.containsExactly("0003_slugs", "0004_add_tags");
		assertThat(Sql.history(this.db)).isEqualTo(drizzleRows(5));
	}

	@Test
	void refusesWhenAnEntryIsAlreadyRecordedAndChangesNothing() throws Exception {
		runFirstThreeByHand();
		migrator().baseline("0000_create_users");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator().baseline("0002_post_status"))
			.withMessageContaining("0000_create_users is already recorded in drizzle.__drizzle_migrations (history row id 1)")
			.satisfies((ex) -> assertThat(ex.action()).startsWith("Nothing was recorded."));
		assertThat(Sql.history(this.db)).isEqualTo(drizzleRows(1));
	}

	@Test
	void refusesWhenTheHistoryHoldsANewerRow() throws Exception {
		migrator().migrate();
		Sql.execute(this.db, "DELETE FROM drizzle.__drizzle_migrations WHERE id <= 2");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator().baseline("0001_add_posts"))
			.withMessageContaining("History row id 3 (created_at")
			.withMessageContaining("is newer than 0001_add_posts");
		assertThat(Sql.history(this.db)).hasSize(3);
	}

	@Test
	void unknownTagIsRejectedBeforeTheDatabaseIsTouched() {
		TestDatabase empty = TestPostgres.newDatabase("baseline_unknown");
		Migrator onEmpty = new Migrator(empty.dataSource(), MigratorSettings.defaults("file:" + FOLDER),
				(ClassLoader) null);
		assertThatIllegalArgumentException().isThrownBy(() -> onEmpty.baseline("0009_nope"))
			.withMessageContaining("has the tag '0009_nope' (its tags run from 0000_create_users to 0004_add_tags)");
		assertThat(empty.queryValue("SELECT to_regclass('drizzle.__drizzle_migrations')")).isNull();
	}

}
