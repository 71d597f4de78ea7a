package dev.migrator.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.testsupport.MigrationsFolder;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationListenerTests {

	@TempDir
	Path dir;

	private TestDatabase db;

	@BeforeEach
	void freshDatabase() {
		this.db = TestPostgres.newDatabase("listener");
	}

	private Migrator migrator(MigrationsFolder folder) {
		return new Migrator(this.db.dataSource(), MigratorSettings.defaults(folder.location()),
				getClass().getClassLoader());
	}

	@Test
	void aCopyWithAListenerSharesTheJournalSoTheFilesAreReadOnce() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_accounts", "CREATE TABLE accounts (id int);");
		Migrator original = migrator(folder);
		Migrator observed = original.withListener(new Recorder());
		observed.migrate();
		assertThat(original.journal()).isSameAs(observed.journal());
	}

	@Test
	void hearsTheRunStartEachAppliedMigrationInOrderAndTheReport() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_accounts", "CREATE TABLE accounts (id int);")
			.add("0001_slow", "SELECT pg_sleep(0.05);");
		Recorder recorder = new Recorder();
		MigrationReport report = migrator(folder).withListener(recorder).migrate();
		assertThat(recorder.calls).containsExactly("beforeRun drizzle.__drizzle_migrations", "afterMigration 0000_accounts",
				"afterMigration 0001_slow", "afterRun 2 applied");
		assertThat(recorder.applied).extracting(AppliedMigration::tag).containsExactly("0000_accounts", "0001_slow");
		assertThat(recorder.applied.get(1).duration().toMillis()).isGreaterThanOrEqualTo(50);
		assertThat(recorder.report).isSameAs(report);
		assertThat(Sql.tableExists(this.db, "accounts")).isTrue();
	}

	@Test
	void hearsARunWithNothingToApply() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_accounts", "CREATE TABLE accounts (id int);");
		migrator(folder).migrate();
		Recorder recorder = new Recorder();
		migrator(folder).withListener(recorder).migrate();
		assertThat(recorder.calls).containsExactly("beforeRun drizzle.__drizzle_migrations", "afterRun 0 applied");
	}

	@Test
	void failureIsHeardAndStillThrownWithWhatWasAppliedKept() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_accounts", "CREATE TABLE accounts (id int);")
			.add("0001_broken", "INSERT INTO missing_table VALUES (1);");
		Recorder recorder = new Recorder();
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(folder).withListener(recorder).migrate())
			.satisfies((ex) -> assertThat(recorder.failure).isSameAs(ex));
		assertThat(recorder.calls).containsExactly("beforeRun drizzle.__drizzle_migrations", "afterMigration 0000_accounts",
				"onFailure MigrationFailedException");
		assertThat(Sql.value(this.db, "SELECT count(*) FROM drizzle.__drizzle_migrations")).isEqualTo("1");
	}

	@Test
	void aJournalThatCannotBeReadIsAFailureToo() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).addEntryOnly("0000_gone", MigrationsFolder.FIRST_WHEN);
		Recorder recorder = new Recorder();
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> migrator(folder).withListener(recorder).migrate());
		assertThat(recorder.calls).containsExactly("beforeRun drizzle.__drizzle_migrations", "onFailure JournalException");
	}

	@Test
	void listenersAddUpInOrderAndTheOriginalMigratorStaysSilent() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir).add("0000_accounts", "CREATE TABLE accounts (id int);");
		List<String> calls = new ArrayList<>();
		Migrator plain = migrator(folder);
		Migrator both = plain.withListener(new Named("first", calls)).withListener(new Named("second", calls));
		plain.migrate();
		assertThat(calls).isEmpty();
		both.migrate();
		assertThat(calls).containsExactly("first", "second");
		assertThat(both.dataSource()).isSameAs(plain.dataSource());
		assertThat(both.settings()).isSameAs(plain.settings());
	}

	private static final class Recorder implements MigrationListener {

		final List<String> calls = new ArrayList<>();

		final List<AppliedMigration> applied = new ArrayList<>();

		MigrationReport report;

		RuntimeException failure;

		@Override
		public void beforeRun(MigratorSettings settings) {
			this.calls.add("beforeRun " + settings.qualifiedTable());
		}

		@Override
		public void afterMigration(AppliedMigration migration) {
			this.calls.add("afterMigration " + migration.tag());
			this.applied.add(migration);
		}

		@Override
		public void afterRun(MigrationReport report) {
			this.calls.add("afterRun " + report.applied().size() + " applied");
			this.report = report;
		}

		@Override
		public void onFailure(RuntimeException failure) {
			this.calls.add("onFailure " + failure.getClass().getSimpleName());
			this.failure = failure;
		}

	}

	private record Named(String name, List<String> calls) implements MigrationListener {

		@Override
		public void afterRun(MigrationReport report) {
			this.calls.add(this.name);
		}

	}

}
