package dev.migrator.engine;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.DatabaseState;
import dev.migrator.testsupport.MigrationsFolder;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The ground of the bad-input catalogue: a fresh database on which {@code 0000_init} (table {@code kept}) is applied,
 * its folder to break, and the check that a refused run left the database as it was: history rows, schemas,
 * relations and columns ({@link DatabaseState}).
 */
final class BadInput {

	static final String INIT = "CREATE TABLE kept (id int);";

	final TestDatabase db;

	final MigrationsFolder folder;

	private List<String> before;

	private BadInput(TestDatabase db, MigrationsFolder folder) {
		this.db = db;
		this.folder = folder;
		this.before = DatabaseState.of(db);
	}

	/** A database with {@code 0000_init} applied from a folder in {@code dir}. */
	static BadInput applied(Path dir) {
		TestDatabase db = TestPostgres.newDatabase("badinput");
		MigrationsFolder folder = MigrationsFolder.in(dir).add("0000_init", INIT);
		new Migrator(db.dataSource(), MigratorSettings.defaults(folder.location()), (ClassLoader) null).migrate();
		return new BadInput(db, folder);
	}

	/** Takes the database as it is now as the state a refused run must leave, after a test changed it. */
	BadInput settled() {
		this.before = DatabaseState.of(this.db);
		return this;
	}

	/** Writes the journal with these entries after {@code 0000_init}'s, each a JSON object. */
	BadInput journal(String... entries) {
		String init = "{\"idx\":0,\"version\":\"7\",\"when\":" + MigrationsFolder.FIRST_WHEN
				+ ",\"tag\":\"0000_init\",\"breakpoints\":true}";
		this.folder.writeFile("meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[" + init
				+ (entries.length == 0 ? "" : "," + String.join(",", entries)) + "]}");
		return this;
	}

	/** A journal entry as drizzle-kit writes it. */
	static String entry(int idx, long when, String tag) {
		return "{\"idx\":" + idx + ",\"version\":\"7\",\"when\":" + when + ",\"tag\":\"" + tag
				+ "\",\"breakpoints\":true}";
	}

	/**
	 * Runs {@code migrate} on the folder, which must fail with the given type, and checks that nothing was written.
	 * @return the error, for its message and action
	 */
	<T extends Throwable> T refused(Class<T> type) {
		return refused(type, MigratorSettings.defaults(this.folder.location()));
	}

	/** The same with other settings. */
	<T extends Throwable> T refused(Class<T> type, MigratorSettings settings) {
		return refused(type, settings, this.db.dataSource());
	}

	/** The same with other settings, as another user. */
	<T extends Throwable> T refused(Class<T> type, MigratorSettings settings, DataSource dataSource) {
		return refusedBy(type, () -> new Migrator(dataSource, settings, (ClassLoader) null).migrate());
	}

	/** Runs what the test gives, which must fail with the given type, and checks that nothing was written. */
	<T extends Throwable> T refusedBy(Class<T> type, ThrowingCallable run) {
		Throwable thrown = catchThrowable(run);
		assertThat(thrown).as("the bad input is refused").isInstanceOf(type);
		assertThat(DatabaseState.of(this.db)).as("nothing was written").isEqualTo(this.before);
		return type.cast(thrown);
	}

}
