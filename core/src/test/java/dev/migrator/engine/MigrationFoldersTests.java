package dev.migrator.engine;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Drizzle 1.0's folder layout: order, identity, hash and strays, as drizzle-orm 1.0 reads them. */
class MigrationFoldersTests {

	@TempDir
	Path dir;

	private void write(String path, String content) throws IOException {
		Path file = this.dir.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	private Journal read(Policy.OnUnjournaled policy) {
		return Journal.read(MigrationSource.of("file:" + this.dir, null), policy);
	}

	@Test
	void foldersAreMigrationsInNameOrderWithTheirTimestampAsWhen() throws IOException {
		write("20250102030405_second/migration.sql", "SELECT 2;");
		write("20250102030405_second/snapshot.json", "{}");
		write("20250101000000_first/migration.sql", "SELECT 1;");
		Journal journal = read(Policy.OnUnjournaled.FAIL);
		assertThat(journal.layout()).isEqualTo(Journal.Layout.FOLDERS);
		assertThat(journal.migrations()).extracting(Migration::tag)
			.containsExactly("20250101000000_first", "20250102030405_second");
		JournalEntry second = journal.migrations().get(1).entry();
		assertThat(second.when()).isEqualTo(1735787045000L);
		assertThat(second.name()).isEqualTo("20250102030405_second");
		assertThat(second.fileName()).isEqualTo("20250102030405_second/migration.sql");
		assertThat(second.idx()).isEqualTo(1);
		assertThat(journal.migrations().get(1).hash())
			.isEqualTo(Hashes.sha256("SELECT 2;".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void timestampFieldsCarryOverAsJavaScriptDateDoes() {
		assertThat(MigrationFolders.millis("20250101000000_x")).isEqualTo(1735689600000L);
		assertThat(MigrationFolders.millis("20241301000000_x")).isEqualTo(1735689600000L);
		assertThat(MigrationFolders.millis("20250100240000_x")).isEqualTo(1735689600000L);
	}

	@Test
	void handWrittenCalendarAgreesWithJavaTimeOverCenturies() {
		java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
			.withZone(java.time.ZoneOffset.UTC);
		java.util.Random random = new java.util.Random(42);
		for (int i = 0; i < 20_000; i++) {
			long when = (long) (random.nextDouble() * 7_000_000_000_000L) - 1_000_000_000_000L;
			String expected = format.format(java.time.Instant.ofEpochMilli(when));
			assertThat(MigrationFolders.upgradedName(when, "0001_x")).isEqualTo(expected + "_x");
			assertThat(MigrationFolders.millis(expected + "_x")).isEqualTo(Math.floorDiv(when, 1000L) * 1000L);
		}
	}

	@Test
	void journalEntryGetsTheNameDrizzleKitUpGivesItsFolder() {
		assertThat(new JournalEntry(0, 1795640223747L, "0000_create_users", true).name())
			.isEqualTo("20261125205703_create_users");
		assertThat(new JournalEntry(0, 0L, "0007_add_a_b", true).name()).isEqualTo("19700101000000_add_a_b");
		assertThat(new JournalEntry(0, 0L, "init", true).name()).isEqualTo("19700101000000_");
	}

	@Test
	void strayFilesAndFoldersWithoutMigrationSqlAreRefusedOrWarned() throws IOException {
		write("20250101000000_first/migration.sql", "SELECT 1;");
		write("notes.sql", "SELECT 2;");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> read(Policy.OnUnjournaled.AUTO))
			.withMessage("notes.sql is in file:" + this.dir + " outside any migration folder, so it would never run")
			.satisfies((ex) -> assertThat(ex.action()).contains("<YYYYMMDDHHMMSS>_<name>/migration.sql"));
		Files.delete(this.dir.resolve("notes.sql"));
		write("20250102000000_draft/draft.sql", "SELECT 3;");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> read(Policy.OnUnjournaled.FAIL))
			.withMessageStartingWith("Folder 20250102000000_draft/ in file:" + this.dir + " has no migration.sql");
		Journal warned = read(Policy.OnUnjournaled.WARN);
		assertThat(warned.migrations()).hasSize(1);
		assertThat(warned.warnings()).singleElement().asString().contains("20250102000000_draft/");
	}

	@Test
	void folderWhoseNameIsNoTimestampIsRefused() throws IOException {
		write("init/migration.sql", "SELECT 1;");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> read(Policy.OnUnjournaled.FAIL))
			.withMessageContaining("Folder init/ in file:" + this.dir + " holds migration.sql but its name does not"
					+ " start with a YYYYMMDDHHMMSS timestamp");
	}

	@Test
	void folderWithBothLayoutsSaysWhichToDelete() throws IOException {
		MigrationsFolder.in(this.dir).add("0000_init", "SELECT 1;");
		write("20250101000000_init/migration.sql", "SELECT 1;");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> read(Policy.OnUnjournaled.FAIL))
			.withMessageContaining("holds both meta/_journal.json (drizzle-kit 0.x) and Drizzle 1.0 migration folders"
					+ " (such as 20250101000000_init/)")
			.satisfies((ex) -> assertThat(ex.action()).contains("drizzle-kit up").contains("delete them"));
	}

	@Test
	void readsFoldersFromTheClasspathInADirectoryAndInAJar() throws IOException {
		write("classes/db/migrations/20250101000000_first/migration.sql", "SELECT 1;");
		write("classes/db/migrations/20250102000000_second/migration.sql", "SELECT 2;");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.dir.resolve("classes").toUri().toURL() }, null)) {
			Journal journal = Journal.read(MigrationSource.of("classpath:db/migrations", loader), Policy.OnUnjournaled.FAIL);
			assertThat(journal.migrations()).extracting(Migration::tag)
				.containsExactly("20250101000000_first", "20250102000000_second");
		}
		Path jar = this.dir.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String name : List.of("db/", "db/migrations/", "db/migrations/20250101000000_first/")) {
				out.putNextEntry(new JarEntry(name));
				out.closeEntry();
			}
			out.putNextEntry(new JarEntry("db/migrations/20250101000000_first/migration.sql"));
			out.write("SELECT 1;".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
			out.putNextEntry(new JarEntry("db/migrations/stray.sql"));
			out.write("SELECT 2;".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			Journal journal = Journal.read(MigrationSource.of("classpath:db/migrations", loader), Policy.OnUnjournaled.WARN);
			assertThat(journal.migrations()).extracting(Migration::tag).containsExactly("20250101000000_first");
			assertThat(journal.warnings()).singleElement().asString().startsWith("stray.sql is in classpath:db/migrations");
		}
	}

	@Test
	void editedAppliedFolderIsModifiedNamingItsFile() throws IOException {
		TestDatabase db = TestPostgres.newDatabase("folders");
		write("20250101000000_first/migration.sql", "CREATE TABLE a (id int);");
		Migrator migrator = new Migrator(db.dataSource(), MigratorSettings.defaults("file:" + this.dir), (ClassLoader) null);
		migrator.migrate();
		assertThat(Sql.rows(db, "SELECT created_at, name FROM drizzle.__drizzle_migrations"))
			.containsExactly(List.of("1735689600000", "20250101000000_first"));
		write("20250101000000_first/migration.sql", "CREATE TABLE a (id bigint);");
		Migrator edited = new Migrator(db.dataSource(), MigratorSettings.defaults("file:" + this.dir), (ClassLoader) null);
		assertThat(edited.status().migrations()).extracting(PlannedMigration::state)
			.containsExactly(MigrationState.MODIFIED);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(edited::migrate)
			.withMessageContaining("20250101000000_first/migration.sql changed after it was applied");
	}

}
