package dev.migrator.engine;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.function.Supplier;

import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A journal read ahead is what the first migrator with the same settings and class loader reads, once, and nothing
 * else's. The folder gets a third migration after the read ahead, so the journal a migrator sees tells which read it
 * came from. No database: the journal is read before one is needed.
 */
class JournalPrefetchTests {

	private final ClassLoader loader = getClass().getClassLoader();

	@TempDir
	Path dir;

	@Test
	void firstMigratorWithTheSameSettingsTakesTheJournalReadAheadAndOnlyIt() {
		MigrationsFolder folder = twoMigrations("a");
		MigratorSettings settings = MigratorSettings.defaults(folder.location());
		JournalPrefetch prefetch = finished(JournalPrefetch.start(() -> settings, this.loader));
		folder.add("0002_later", "SELECT 3;");
		Migrator first = new Migrator(null, settings, this.loader, prefetch);
		assertThat(first.journal().migrations()).extracting(Migration::tag).containsExactly("0000_one", "0001_two");
		assertThat(prefetch.used()).isTrue();
		assertThat(new Migrator(null, settings, this.loader, prefetch).journal().migrations()).hasSize(3);
		assertThat(first.withListener(MigrationListener.NONE).journal().migrations()).hasSize(2);
	}

	@Test
	void migratorsWithAnotherLocationPolicyOrClassLoaderReadTheirOwnFolderAndLeaveIt() throws Exception {
		MigrationsFolder read = twoMigrations("a");
		MigrationsFolder other = twoMigrations("b").add("0002_later", "SELECT 3;");
		MigratorSettings settings = MigratorSettings.defaults(read.location());
		JournalPrefetch prefetch = finished(JournalPrefetch.start(() -> settings, this.loader));
		read.add("0002_later", "SELECT 3;");
		Migrator elsewhere = new Migrator(null, MigratorSettings.defaults(other.location()), this.loader, prefetch);
		assertThat(elsewhere.journal().location()).isEqualTo(other.location());
		MigratorSettings warnOnly = settings.withPolicy(new Policy(settings.policy().outOfOrder(),
				settings.policy().onModified(), Policy.OnUnjournaled.WARN));
		assertThat(new Migrator(null, warnOnly, this.loader, prefetch).journal().migrations()).hasSize(3);
		try (URLClassLoader another = new URLClassLoader(new URL[0], this.loader)) {
			assertThat(new Migrator(null, settings, another, prefetch).journal().migrations()).hasSize(3);
		}
		assertThat(prefetch.used()).isFalse();
		assertThat(new Migrator(null, settings, this.loader, prefetch).journal().migrations()).hasSize(2);
	}

	@Test
	void aDiscardedReadIsTakenByNoOne() {
		MigrationsFolder folder = twoMigrations("a");
		MigratorSettings settings = MigratorSettings.defaults(folder.location());
		JournalPrefetch prefetch = finished(JournalPrefetch.start(() -> settings, this.loader));
		prefetch.discard();
		folder.add("0002_later", "SELECT 3;");
		assertThat(new Migrator(null, settings, this.loader, prefetch).journal().migrations()).hasSize(3);
		assertThat(prefetch.used()).isFalse();
	}

	@Test
	void aBrokenJournalReadAheadFailsAsReadingItWouldAndOnlyOnce() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_one", "SELECT 1;").addEntryOnly("0001_lost", 9L);
		MigratorSettings settings = MigratorSettings.defaults(folder.location());
		Migrator migrator = new Migrator(null, settings, this.loader,
				finished(JournalPrefetch.start(() -> settings, this.loader)));
		assertThatExceptionOfType(JournalException.class).isThrownBy(migrator::journal)
			.withMessageContaining("(tag \"0001_lost\") has no file 0001_lost.sql");
		folder.writeFile("0001_lost.sql", "SELECT 2;");
		assertThat(migrator.journal().migrations()).hasSize(2);
	}

	@Test
	void aBrokenJournalReadAheadFailsARunBeforeItConnects() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_one", "SELECT 1;").addEntryOnly("0001_lost", 9L);
		MigratorSettings settings = MigratorSettings.defaults(folder.location());
		Migrator migrator = new Migrator(new UnreachableDataSource(), settings, this.loader,
				finished(JournalPrefetch.start(() -> settings, this.loader)));
		assertThatExceptionOfType(JournalException.class).isThrownBy(migrator::migrate)
			.satisfies((ex) -> assertThat(ex.getSuppressed()).isEmpty());
	}

	@Test
	void settingsThatCannotBeMadeStartNoRead() {
		MigratorSettings settings = MigratorSettings.defaults(twoMigrations("a").location());
		Supplier<MigratorSettings> invalid = () -> {
			throw new IllegalStateException("migrator.location is not valid");
		};
		JournalPrefetch failed = finished(JournalPrefetch.start(invalid, this.loader));
		assertThat(failed.journalFor(settings, this.loader)).isEmpty();
		JournalPrefetch none = finished(JournalPrefetch.start(() -> null, this.loader));
		assertThat(none.journalFor(settings, this.loader)).isEmpty();
	}

	private MigrationsFolder twoMigrations(String name) {
		return MigrationsFolder.in(this.dir.resolve(name)).add("0000_one", "SELECT 1;").add("0001_two", "SELECT 2;");
	}

	/** The read ahead once it has finished, so that the folder can change after it. */
	private static JournalPrefetch finished(JournalPrefetch prefetch) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!prefetch.finished() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(prefetch.finished()).isTrue();
		return prefetch;
	}

	/** A data source whose server never answers: nothing listens on port 1. */
	private static final class UnreachableDataSource extends PGSimpleDataSource {

		UnreachableDataSource() {
			setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
		}

	}

}
