package dev.migrator.engine;

import java.nio.file.Path;

import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A journal read ahead is what a migrator with the same settings reads first, and nothing else's. The folder is
 * changed after the read ahead so that the journal shows which read it came from. No database: the journal is read
 * before one is touched.
 */
class JournalPrefetchTests {

	@TempDir
	Path dir;

	@Test
	void migratorWithTheSameSettingsTakesTheJournalReadAhead() {
		MigrationsFolder folder = twoMigrations("a");
		MigratorSettings settings = MigratorSettings.defaults(folder.location());
		JournalPrefetch prefetch = JournalPrefetch.start(() -> settings, getClass().getClassLoader());
		Migrator migrator = new Migrator(null, settings, getClass().getClassLoader(), prefetch);
		waitFor(prefetch, settings);
		folder.add("0002_later", "SELECT 3;");
		assertThat(migrator.journal().migrations()).extracting(Migration::tag).containsExactly("0000_one", "0001_two");
		assertThat(new Migrator(null, settings, getClass().getClassLoader()).journal().migrations()).hasSize(3);
	}

	@Test
	void migratorWithAnotherLocationOrPolicyReadsItsOwnFolder() {
		MigrationsFolder read = twoMigrations("a");
		MigrationsFolder other = twoMigrations("b").add("0002_later", "SELECT 3;");
		MigratorSettings settings = MigratorSettings.defaults(read.location());
		JournalPrefetch prefetch = JournalPrefetch.start(() -> settings, getClass().getClassLoader());
		waitFor(prefetch, settings);
		read.add("0002_later", "SELECT 3;");
		Migrator elsewhere = new Migrator(null, MigratorSettings.defaults(other.location()),
				getClass().getClassLoader(), prefetch);
		assertThat(elsewhere.journal().location()).isEqualTo(other.location());
		MigratorSettings warnOnly = settings.withPolicy(new Policy(settings.policy().outOfOrder(),
				settings.policy().onModified(), Policy.OnUnjournaled.WARN));
		assertThat(new Migrator(null, warnOnly, getClass().getClassLoader(), prefetch).journal().migrations())
			.hasSize(3);
		assertThat(new Migrator(null, settings, getClass().getClassLoader(), prefetch).journal().migrations())
			.hasSize(2);
	}

	@Test
	void aBrokenJournalReadAheadFailsAsReadingItWouldAndOnlyOnce() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_one", "SELECT 1;").addEntryOnly("0001_lost", 9L);
		MigratorSettings settings = MigratorSettings.defaults(folder.location());
		Migrator migrator = new Migrator(null, settings, getClass().getClassLoader(),
				JournalPrefetch.start(() -> settings, getClass().getClassLoader()));
		assertThatExceptionOfType(JournalException.class).isThrownBy(migrator::journal)
			.withMessageContaining("(tag \"0001_lost\") has no file 0001_lost.sql");
		folder.writeFile("0001_lost.sql", "SELECT 2;");
		assertThat(migrator.journal().migrations()).hasSize(2);
	}

	@Test
	void settingsThatCannotBeMadeStartNoRead() {
		MigratorSettings settings = MigratorSettings.defaults(twoMigrations("a").location());
		JournalPrefetch failed = JournalPrefetch.start(() -> {
			throw new IllegalStateException("migrator.location is not valid");
		}, getClass().getClassLoader());
		assertThat(failed.journalFor(settings)).isEmpty();
		assertThat(JournalPrefetch.start(() -> null, getClass().getClassLoader()).journalFor(settings)).isEmpty();
	}

	private MigrationsFolder twoMigrations(String name) {
		return MigrationsFolder.in(this.dir.resolve(name)).add("0000_one", "SELECT 1;").add("0001_two", "SELECT 2;");
	}

	/** Lets the read finish before the folder changes (a migrator waits the same way on its first read). */
	private static void waitFor(JournalPrefetch prefetch, MigratorSettings settings) {
		assertThat(prefetch.journalFor(settings)).isPresent();
	}

}
