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

/** {@link Migrator#repair(String, boolean)}: only a MODIFIED entry, and only when asked to apply. */
class HashRepairTests {

	@TempDir
	Path dir;

	private TestDatabase db;

	private MigrationsFolder folder;

	@BeforeEach
	void appliedThenEdited() {
		this.db = TestPostgres.newDatabase("repair");
		this.folder = MigrationsFolder.in(this.dir)
			.add("0000_init", "CREATE TABLE a (id int);")
			.add("0001_more", "CREATE TABLE b (id int);");
		migrator().migrate();
		this.folder.writeFile("0000_init.sql", "-- a comment added later\nCREATE TABLE a (id int);");
	}

	private Migrator migrator() {
		return new Migrator(this.db.dataSource(), MigratorSettings.defaults(this.folder.location()), (ClassLoader) null);
	}

	private String recordedHash() {
		return Sql.value(this.db, "SELECT hash FROM drizzle.__drizzle_migrations WHERE id = 1");
	}

	@Test
	void dryRunShowsBothHashesAndChangesNothing() {
		String before = recordedHash();
		HashRepair repair = migrator().repair("0000_init", false);
		assertThat(repair.replaced()).isFalse();
		assertThat(repair.rowId()).isEqualTo(1);
		assertThat(repair.recordedHash()).isEqualTo(before);
		assertThat(repair.fileHash()).isEqualTo(migrator().journal().migrations().get(0).hash()).isNotEqualTo(before);
		assertThat(recordedHash()).isEqualTo(before);
	}

	@Test
	void applyReplacesTheRecordedHashSoValidatePasses() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator().validate())
			.withMessageContaining("0000_init.sql changed after it was applied");
		HashRepair repair = migrator().repair("0000_init", true);
		assertThat(repair.replaced()).isTrue();
		assertThat(recordedHash()).isEqualTo(repair.fileHash());
		assertThat(migrator().validate().upToDate()).isTrue();
	}

	@Test
	void refusesAnEntryThatIsNotModified() {
		String other = Sql.value(this.db, "SELECT hash FROM drizzle.__drizzle_migrations WHERE id = 2");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator().repair("0001_more", true))
			.withMessage("0001_more is APPLIED, not MODIFIED: its file's hash is the recorded one")
			.satisfies((ex) -> assertThat(ex.action()).startsWith("Nothing was changed."));
		assertThat(Sql.value(this.db, "SELECT hash FROM drizzle.__drizzle_migrations WHERE id = 2")).isEqualTo(other);
	}

}
