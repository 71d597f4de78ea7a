package dev.migrator.engine;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import dev.migrator.testsupport.DrizzleFixture;
import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JournalTests {

	@TempDir
	Path dir;

	private Journal read(MigrationsFolder folder) {
		return Journal.read(MigrationSource.of(folder.location(), getClass().getClassLoader()), Policy.OnUnjournaled.FAIL);
	}

	@Test
	void readsDrizzleKitFolderInJournalOrderWithSha256OfTheBytes() throws Exception {
		Journal journal = Journal.read(MigrationSource.of("file:" + DrizzleFixture.migrations(), null),
				Policy.OnUnjournaled.FAIL);
		assertThat(journal.migrations()).extracting(Migration::tag)
			.containsExactly("0000_create_users", "0001_add_posts", "0002_post_status", "0003_slugs", "0004_add_tags");
		for (Migration migration : journal.migrations()) {
			assertThat(migration.hash()).isEqualTo(sha256sum(DrizzleFixture.migrations().resolve(migration.tag() + ".sql")));
		}
		assertThat(journal.migrations().get(1).statements()).hasSize(3);
		assertThat(journal.warnings()).isEmpty();
	}

	@Test
	void hashKeepsBomAndCrlfBytes() throws Exception {
		byte[] bom = "\uFEFFSELECT 1;\r\nSELECT 2;\r\n".getBytes(StandardCharsets.UTF_8);
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_bom", 1L, bom);
		Migration migration = read(folder).migrations().get(0);
		assertThat(migration.hash()).isEqualTo(sha256sum(this.dir.resolve("0000_bom.sql")));
		assertThat(migration.statements()).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void textIsDecodedAsUtf8AndAReplacementCharacterWrittenInTheFileStays() {
		String sql = "SELECT 'caf\u00e9', '\uFFFD', '\u2603';\n";
		assertThat(Journal.decode("0001_text.sql", sql.getBytes(StandardCharsets.UTF_8))).isEqualTo(sql);
		assertThat(Journal.decode("0001_text.sql", "SELECT 1;".getBytes(StandardCharsets.US_ASCII))).isEqualTo("SELECT 1;");
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> Journal.decode("0001_text.sql", new byte[] { 'S', (byte) 0xff, ';' }))
			.withMessage("0001_text.sql is not valid UTF-8: byte 1 (line 1) is 0xff");
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> Journal.decode("0001_text.sql", new byte[] { 'S', '\n', 0, ';' }))
			.withMessageStartingWith("0001_text.sql holds a NUL byte at byte 2 (line 2)");
		// a NUL is named before a malformed byte ahead of it
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> Journal.decode("0001_text.sql", new byte[] { (byte) 0xff, 0 }))
			.withMessageStartingWith("0001_text.sql holds a NUL byte at byte 1 (line 1)");
		// an overlong encoding, an encoded surrogate and a sequence cut off at the end are not UTF-8
		for (byte[] bad : new byte[][] { { 'a', (byte) 0xc0, (byte) 0x80 }, { 'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80 },
				{ 'a', (byte) 0xe2, (byte) 0x82 } }) {
			assertThatExceptionOfType(JournalException.class).isThrownBy(() -> Journal.decode("0001_text.sql", bad))
				.withMessageStartingWith("0001_text.sql is not valid UTF-8: byte 1 (line 1) is 0x");
		}
		// a byte order mark stays, as the hash keeps it
		assertThat(Journal.decode("0001_text.sql", new byte[] { (byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'S' }))
			.isEqualTo("\uFEFFS");
	}

	@Test
	void missingJournalSaysWhereToPoint() {
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> Journal.read(MigrationSource.of("file:" + this.dir, null), Policy.OnUnjournaled.FAIL))
			.withMessageContaining("No meta/_journal.json in file:" + this.dir)
			.satisfies((ex) -> assertThat(ex.action()).contains("migrator.location"));
	}

	@Test
	void malformedJournalNamesLineAndColumn() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).writeFile("meta/_journal.json",
				"{\"version\":\"7\",\n \"entries\": [ {\"idx\":0,} ]}");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> read(folder))
			.withMessageContaining("meta/_journal.json")
			.withMessageContaining("is malformed: at line 2:");
	}

	@Test
	void entryWithoutWhenIsNamed() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).writeFile("meta/_journal.json",
				"{\"entries\":[{\"idx\":0,\"tag\":\"0000_init\"}]}");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> read(folder))
			.withMessageContaining("entry 0 of \"entries\" (tag \"0000_init\") needs a \"when\"");
	}

	@Test
	void entryMissingItsFileIsNamed() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", "SELECT 1;").addEntryOnly("0001_gone", 5L);
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> read(folder))
			.withMessageContaining("entry idx 1 (tag \"0001_gone\") has no file 0001_gone.sql")
			.satisfies((ex) -> assertThat(ex.action()).contains("Restore 0001_gone.sql"));
	}

	@Test
	void duplicateTagIsRejected() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", 1L, "SELECT 1;").add("0000_init", 2L,
				"SELECT 1;");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> read(folder))
			.withMessageContaining("has the same tag \"0000_init\" in entries 0 and 1");
	}

	@Test
	void duplicateWhenIsRejected() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_a", 7L, "SELECT 1;").add("0001_b", 7L,
				"SELECT 2;");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> read(folder))
			.withMessageContaining("has the same when 7 (tags \"0000_a\" and \"0001_b\") in entries 0 and 1");
	}

	@Test
	void leftoverSharingAJournaledNumberOnlyWarnsUnderAutoAndAnyOtherFileStops() throws IOException {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "SELECT 1;")
			.add("0130_brave_wolf", "SELECT 2;")
			.writeFile("0130_abandoned_dagger.sql", "SELECT 3;");
		Journal journal = Journal.read(MigrationSource.of(folder.location(), null), Policy.OnUnjournaled.AUTO);
		assertThat(journal.migrations()).extracting(Migration::tag).containsExactly("0000_init", "0130_brave_wolf");
		assertThat(journal.warnings()).singleElement()
			.asString()
			.startsWith("0130_abandoned_dagger.sql is in file:")
			.contains("its number belongs to the journaled 0130_brave_wolf.sql")
			.contains("leftover");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> read(folder))
			.withMessageContaining("0130_abandoned_dagger.sql is in file:");

		folder.writeFile("0131_forgotten.sql", "SELECT 4;");
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> Journal.read(MigrationSource.of(folder.location(), null), Policy.OnUnjournaled.AUTO))
			.withMessageContaining("0131_forgotten.sql is in file:")
			.withMessageContaining("so it would never run");
		Files.delete(this.dir.resolve("0131_forgotten.sql"));
		folder.writeFile("0050_between.sql", "SELECT 5;");
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> Journal.read(MigrationSource.of(folder.location(), null), Policy.OnUnjournaled.AUTO))
			.withMessageContaining("0050_between.sql is in file:");
		Files.delete(this.dir.resolve("0050_between.sql"));
		folder.writeFile("notes.sql", "SELECT 6;");
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> Journal.read(MigrationSource.of(folder.location(), null), Policy.OnUnjournaled.AUTO))
			.withMessageContaining("notes.sql is in file:");
	}

	@Test
	void unjournaledFileFailsWithAdviceOrWarns() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_init", "SELECT 1;").writeFile("0001_new.sql",
				"SELECT 2;");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> read(folder))
			.withMessageContaining("0001_new.sql is in file:")
			.withMessageContaining("meta/_journal.json does not list it")
			.satisfies((ex) -> assertThat(ex.action()).contains("Add it to meta/_journal.json"));
		Journal journal = Journal.read(MigrationSource.of(folder.location(), null), Policy.OnUnjournaled.WARN);
		assertThat(journal.migrations()).hasSize(1);
		assertThat(journal.warnings()).singleElement().asString().contains("0001_new.sql");
	}

	@Test
	void fileThatIsNotUtf8NamesByteOffsetAndLine() {
		byte[] latin1 = "SELECT 1;\nSELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1);
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_latin", 1L, latin1);
		// reading hashes the bytes only; the file is decoded when its statements are needed (or verify() is asked)
		Journal journal = read(folder);
		assertThat(journal.migrations().get(0).hash()).isEqualTo(Hashes.sha256(latin1));
		assertThatExceptionOfType(JournalException.class).isThrownBy(journal::verify)
			.withMessage("0000_latin.sql is not valid UTF-8: byte 21 (line 2) is 0xe9");
	}

	@Test
	void readsFromClasspathDirectoryAndFromInsideAJar() throws Exception {
		MigrationsFolder.in(this.dir.resolve("classes/db/migrations"))
			.add("0000_init", "CREATE TABLE a (id int);")
			.writeFile("0001_stray.sql", "SELECT 1;");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.dir.resolve("classes").toUri().toURL() }, null)) {
			assertThatExceptionOfType(JournalException.class)
				.isThrownBy(() -> Journal.read(MigrationSource.of("classpath:db/migrations", loader), Policy.OnUnjournaled.FAIL))
				.withMessageContaining("0001_stray.sql is in classpath:db/migrations");
		}
		Path jar = this.dir.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			put(out, "db/migrations/meta/_journal.json", Files.readAllBytes(this.dir.resolve("classes/db/migrations/meta/_journal.json")));
			put(out, "db/migrations/0000_init.sql", "CREATE TABLE a (id int);".getBytes(StandardCharsets.UTF_8));
			put(out, "db/migrations/0001_stray.sql", "SELECT 1;".getBytes(StandardCharsets.UTF_8));
			put(out, "db/migrations/nested/0002_deeper.sql", "SELECT 2;".getBytes(StandardCharsets.UTF_8));
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			Journal journal = Journal.read(MigrationSource.of("classpath:/db/migrations/", loader), Policy.OnUnjournaled.WARN);
			assertThat(journal.migrations()).extracting(Migration::tag).containsExactly("0000_init");
			assertThat(journal.warnings()).singleElement().asString().startsWith("0001_stray.sql is in classpath:");
		}
	}

	private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		out.write(content);
		out.closeEntry();
	}

	static String sha256sum(Path file) throws Exception {
		Process process = new ProcessBuilder("sha256sum", file.toString()).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		assertThat(process.waitFor()).isZero();
		return out.substring(0, 64);
	}


}
