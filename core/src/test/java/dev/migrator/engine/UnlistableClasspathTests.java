package dev.migrator.engine;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A class loader that serves files but cannot list folders, as a GraalVM native image's does ({@code resource:}
 * URLs): the journal names the files to read.
 */
class UnlistableClasspathTests {

	@TempDir
	Path root;

	@Test
	void readsTheJournalThenEachFileItNamesAndMigrates() {
		MigrationsFolder.in(this.root.resolve("db/migrations"))
			.add("0000_accounts", "CREATE TABLE accounts (id int);")
			.add("0001_account_rows", "INSERT INTO accounts VALUES (1), (2);")
			.writeFile("0002_forgotten.sql", "CREATE TABLE forgotten (id int);");
		MigrationSource source = MigrationSource.of("classpath:db/migrations", new UnlistableLoader(this.root));

		// the unjournaled 0002_forgotten.sql cannot be seen, so even on-unjournaled=fail lets the journal through
		Journal journal = Journal.read(source, Policy.OnUnjournaled.FAIL);
		assertThat(journal.migrations()).extracting(Migration::tag).containsExactly("0000_accounts", "0001_account_rows");
		assertThat(journal.warnings()).isEmpty();

		TestDatabase db = TestPostgres.newDatabase("unlistable");
		MigrationReport report = new Migrator(db.dataSource(), MigratorSettings.defaults("classpath:db/migrations"),
				source).migrate();
		assertThat(report.applied()).extracting(AppliedMigration::tag).containsExactly("0000_accounts", "0001_account_rows");
		assertThat(Sql.value(db, "SELECT count(*) FROM accounts")).isEqualTo("2");
		assertThat(Sql.tableExists(db, "forgotten")).isFalse();
	}

	@Test
	void drizzle1FolderLayoutWithoutJournalSaysItNeedsAListableLocation() throws IOException {
		Path folder = Files.createDirectories(this.root.resolve("db/migrations/20260101120000_init"));
		Files.writeString(folder.resolve("migration.sql"), "CREATE TABLE accounts (id int);");
		MigrationSource source = MigrationSource.of("classpath:db/migrations", new UnlistableLoader(this.root));
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> Journal.read(source, Policy.OnUnjournaled.AUTO))
			.withMessageContaining("Cannot list classpath:db/migrations")
			.withMessageContaining("neither a directory nor a jar")
			.withMessageContaining("Drizzle 1.0's folder layout needs a location that can be listed");
	}

	/** Serves the files under a directory through {@code unlistable:} URLs that cannot open a folder. */
	private static final class UnlistableLoader extends ClassLoader {

		private final Path root;

		UnlistableLoader(Path root) {
			super(null);
			this.root = root;
		}

		@Override
		protected URL findResource(String name) {
			Path path = this.root.resolve(name);
			if (!Files.exists(path)) {
				return null;
			}
			try {
				return new URL("unlistable", null, -1, "/" + name, new Handler(this.root));
			}
			catch (MalformedURLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private static final class Handler extends URLStreamHandler {

		private final Path root;

		Handler(Path root) {
			this.root = root;
		}

		@Override
		protected URLConnection openConnection(URL url) {
			Path path = this.root.resolve(url.getPath().substring(1));
			return new URLConnection(url) {

				@Override
				public void connect() {
				}

				@Override
				public InputStream getInputStream() throws IOException {
					if (!Files.isRegularFile(path)) {
						throw new FileNotFoundException(url + " (folders cannot be read or listed)");
					}
					return Files.newInputStream(path);
				}

			};
		}

	}

}
