package dev.migrator.engine;

import java.nio.file.Path;

import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The journal is read on a thread of its own while the run connects: a broken journal is still what a run reports
 * when the database cannot be reached either, with the database's error attached.
 */
class JournalFirstTests {

	@TempDir
	Path dir;

	@Test
	void brokenJournalIsReportedBeforeAnUnreachableDatabase() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_one", "SELECT 1;").addEntryOnly("0001_lost", 9L);
		PGSimpleDataSource unreachable = new PGSimpleDataSource();
		unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
		Migrator migrator = new Migrator(unreachable, MigratorSettings.defaults(folder.location()),
				getClass().getClassLoader());
		for (Runnable call : new Runnable[] { migrator::migrate, migrator::status }) {
			assertThatExceptionOfType(JournalException.class).isThrownBy(call::run)
				.withMessageContaining("(tag \"0001_lost\") has no file 0001_lost.sql")
				.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
					.isInstanceOf(MigratorException.class)
					.extracting(Throwable::getMessage).asString().contains("Connection to 127.0.0.1:1 refused"));
		}
	}

}
