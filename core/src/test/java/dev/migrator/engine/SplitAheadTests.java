package dev.migrator.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.function.Function;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.lint.CatalogFacts;
import dev.migrator.engine.lint.DatabaseFacts;
import dev.migrator.engine.lint.Finding;
import dev.migrator.engine.lint.LintSettings;
import dev.migrator.engine.lint.Linter;
import dev.migrator.engine.lint.Severity;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Splitting and linting ahead ({@link SplitAhead}, {@link Linter#lintAhead}), driven step by step here rather than
 * raced against a connection: the findings are those of the lint run after the plan, whatever the database holds, and
 * what was split for migrations that are not applied is let go.
 */
class SplitAheadTests {

	private static final LintSettings LINT = LintSettings.DEFAULTS.withLargeTableRows(10);

	private static TestDatabase db;

	@TempDir
	Path dir;

	private MigrationsFolder folder;

	private MigrationSource source;

	private List<Migration> migrations;

	@BeforeAll
	static void tableWithRows() {
		db = TestPostgres.newDatabase("splitahead");
		Sql.execute(db, "CREATE TABLE orders (id int, customer text)",
				"INSERT INTO orders SELECT g, 'c' || g FROM generate_series(1, 50) g", "ANALYZE orders");
	}

	@BeforeEach
	void folder() {
		this.folder = MigrationsFolder.in(this.dir)
			.add("0000_items", "CREATE TABLE items (id int, name text);\nCREATE INDEX items_name_idx ON items (name);")
			.add("0001_orders_index", "CREATE INDEX orders_customer_idx ON orders (customer);")
			.add("0002_allowed", "-- migrator:allow index-not-concurrent\nCREATE INDEX items_id_idx ON items (id);");
		this.source = MigrationSource.of(this.folder.location(), null);
		this.migrations = Journal.read(this.source, Policy.OnUnjournaled.FAIL).migrations();
	}

	private List<Finding> lint(List<Migration> pending, Function<Migration, Linter.Ahead> ahead)
			throws Exception {
		try (Connection connection = db.connect()) {
			return new Linter(LINT).lint(pending, this.source, new CatalogFacts(connection, LINT.largeTableRows()),
					ahead);
		}
	}

	@Test
	void findingsAreThoseOfTheLintAfterThePlanAndATableTheDatabaseHasIsLintedAgain() throws Exception {
		SplitAhead ahead = SplitAhead.started(new Linter(LINT), this.source);
		ahead.run(new Journal(this.source.description(), this.migrations, List.of()));
		ahead.planned(this.migrations);

		assertThat(this.migrations).allSatisfy((migration) -> assertThat(ahead.linted(migration)).isNotNull());
		List<Finding> withAhead = lint(this.migrations, ahead::linted);
		assertThat(withAhead).isEqualTo(lint(this.migrations, (migration) -> null));
		// orders exists: assumed missing ahead, so linted again; items is new; the allow comment lacks its reason
		assertThat(withAhead).extracting(Finding::file, Finding::rule, Finding::severity)
			.containsExactly(tuple("0001_orders_index.sql", "index-not-concurrent", Severity.ERROR),
					tuple("0002_allowed.sql", "suppression-without-reason", Severity.WARN));
	}

	@Test
	void aLintAheadIsTakenAsItIsWhenTheDatabaseLacksEveryTableItAskedAbout() throws Exception {
		Linter linter = new Linter(LINT);
		Linter.Ahead itemsAhead = linter.lintAhead(this.migrations.get(0), this.source);
		Migration allowed = this.migrations.get(2);
		// handed the first migration's lint for the third, the lint takes it: items is missing from the database
		assertThat(lint(List.of(allowed), (migration) -> itemsAhead)).isEmpty();
		assertThat(lint(List.of(allowed), (migration) -> null)).extracting(Finding::rule)
			.containsExactly("suppression-without-reason");
		// offline facts never confirm a lint that assumed a database: offline, items is taken to exist
		assertThat(linter.lint(List.of(allowed), this.source, DatabaseFacts.none(), (migration) -> itemsAhead))
			.isEqualTo(linter.lint(List.of(allowed), this.source, DatabaseFacts.none()))
			.extracting(Finding::rule)
			.containsExactly("suppression-without-reason", "index-not-concurrent");
	}

	@Test
	void thePlanLetsGoOfWhatWasSplitForMigrationsItDoesNotApply() {
		SplitAhead ahead = SplitAhead.started(new Linter(LINT), this.source);
		ahead.run(new Journal(this.source.description(), this.migrations, List.of()));
		ahead.planned(List.of(this.migrations.get(2)));

		assertThat(ahead.linted(this.migrations.get(0))).isNull();
		assertThat(ahead.linted(this.migrations.get(2))).isNotNull();
		// splitAhead() answers whether it had to split the file now
		assertThat(this.migrations.get(0).splitAhead()).isTrue();
		assertThat(this.migrations.get(1).splitAhead()).isTrue();
		assertThat(this.migrations.get(2).splitAhead()).isFalse();
	}

	@Test
	void nothingIsDoneAheadOnceTheConnectionIsOpen() {
		SplitAhead ahead = SplitAhead.started(new Linter(LINT), this.source);
		ahead.connected();
		ahead.run(new Journal(this.source.description(), this.migrations, List.of()));
		ahead.planned(this.migrations);

		assertThat(this.migrations).allSatisfy((migration) -> {
			assertThat(ahead.linted(migration)).isNull();
			assertThat(migration.splitAhead()).isTrue();
		});
	}

	@Test
	void aFileThatCannotBeSplitAheadIsLeftForThePlannerToReport() {
		MigrationsFolder broken = MigrationsFolder.in(this.dir.resolve("broken"))
			.add("0000_ok", "CREATE TABLE ok (id int);")
			.add("0001_unclosed", "SELECT 'never closed;");
		MigrationSource brokenSource = MigrationSource.of(broken.location(), null);
		Journal journal = Journal.read(brokenSource, Policy.OnUnjournaled.FAIL);
		SplitAhead ahead = SplitAhead.started(new Linter(LINT), brokenSource);
		ahead.run(journal);
		ahead.planned(journal.migrations());

		assertThat(ahead.linted(journal.migrations().get(0))).isNotNull();
		assertThat(ahead.linted(journal.migrations().get(1))).isNull();
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> journal.migrations().get(1).statements().size())
			.withMessageContaining("0001_unclosed.sql");
	}

	@Test
	void aRunWhoseJournalWasReadAheadGivesTheSameFindingsAsOneThatWasNot() {
		LintSettings fail = LintSettings.DEFAULTS.withMode(LintSettings.Mode.FAIL).withLargeTableRows(10);
		TestDatabase fresh = TestPostgres.newDatabase("splitaheadrun");
		Sql.execute(fresh, "CREATE TABLE orders (id int, customer text)",
				"INSERT INTO orders SELECT g, 'c' || g FROM generate_series(1, 50) g", "ANALYZE orders");
		MigratorSettings settings = MigratorSettings.defaults(this.folder.location()).withLint(fail);
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> new Migrator(fresh.dataSource(), settings, (ClassLoader) null).migrate())
			.withMessageContaining("0001_orders_index.sql:1:1: error [index-not-concurrent]")
			.withMessageContaining("0002_allowed.sql");
		assertThat(Sql.tableExists(fresh, "items")).isFalse();
	}

}
