package dev.migrator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrator.engine.lint.CatalogFacts;
import dev.migrator.engine.lint.Finding;
import dev.migrator.engine.lint.Linter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point: {@link #status()}, {@link #migrate()} and {@link #validate()}, and for the command line
 * {@link #baseline(String)} and {@link #repair(String, boolean)}, which change the history table under the same lock.
 *
 * <p>Steps of {@link #migrate()}, all on one connection:
 * <ol>
 * <li>read and check the journal and every file (once per instance, on a thread of its own while the next step
 * runs; a problem of the journal is reported before any of the database's, and nothing is written before it is
 * read);</li>
 * <li>ask for the history's digest without the lock ({@link HistoryDigest}: one row, whatever its length): when it
 * is exactly the journal's migrations, return (the fast path: replicas with nothing to do never wait for the lock,
 * and an up-to-date check costs two round trips and no planning);</li>
 * <li>else read the history's rows and plan: when nothing is to be applied and nothing is wrong, return;</li>
 * <li>else set the session up ({@link MigrationSession}) and take the advisory lock ({@link MigrationLock}); the
 * first read was only a hint;</li>
 * <li>create the history table where missing, upgrade it for a Drizzle 1.0 folder, and read its rows
 * ({@link HistoryStore});</li>
 * <li>plan ({@link Planner}); any problem stops the run before anything is applied;</li>
 * <li>apply each pending migration with its history row ({@link Executor}); with group commit, plain ones in a row
 * several in one round trip ({@link RoundTrip});</li>
 * <li>release the lock and report what was applied.</li>
 * </ol>
 */
public final class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final DataSource dataSource;

	private final MigratorSettings settings;

	private final MigrationSource source;

	private final HistoryStore history;

	/** The journal once read; shared with the copies {@link #withListener} makes, so the files are hashed once. */
	private final AtomicReference<Journal> journal;

	/** A journal read ahead for this migrator's first read (shared with the copies), used at most once. */
	private final AtomicReference<Ahead> prefetch;

	private volatile String database;

	private MigrationListener listener = MigrationListener.NONE;

	public Migrator(DataSource dataSource, MigratorSettings settings, ClassLoader classLoader) {
		this(dataSource, settings, MigrationSource.of(settings.location(), classLoader));
	}

	/**
	 * A migrator whose first journal read takes the one read ahead, when it was read for these settings.
	 * @param prefetch the read under way, or {@code null}
	 */
	public Migrator(DataSource dataSource, MigratorSettings settings, ClassLoader classLoader,
			JournalPrefetch prefetch) {
		this(dataSource, settings, MigrationSource.of(settings.location(), classLoader), new AtomicReference<>(),
				new AtomicReference<>((prefetch != null) ? new Ahead(prefetch, classLoader) : null));
	}

	public Migrator(DataSource dataSource, MigratorSettings settings, MigrationSource source) {
		this(dataSource, settings, source, new AtomicReference<>(), new AtomicReference<>());
	}

	private Migrator(DataSource dataSource, MigratorSettings settings, MigrationSource source,
			AtomicReference<Journal> journal, AtomicReference<Ahead> prefetch) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.source = source;
		this.history = new HistoryStore(settings.schema(), settings.table());
		this.journal = journal;
		this.prefetch = prefetch;
	}

	/** The journal, read and checked on first use. */
	public Journal journal() {
		Journal read = this.journal.get();
		if (read == null) {
			Ahead ahead = this.prefetch.getAndSet(null);
			read = (ahead != null) ? ahead.prefetch().journalFor(this.settings, ahead.classLoader()).orElse(null) : null;
			if (read == null) {
				read = Journal.read(this.source, this.settings.policy().onUnjournaled());
			}
			this.journal.compareAndSet(null, read);
		}
		return read;
	}

	/** The state of every migration, read live from the database; creates nothing. */
	public Plan status() {
		Supplier<Journal> reading = journalMeanwhile();
		try (Connection connection = connect()) {
			List<AppliedRow> rows = this.history.read(connection);
			nameDatabase(connection);
			Plan plan = plan(reading.get(), rows);
			return plan.problems().isEmpty() ? lint(connection, plan) : plan;
		}
		catch (SQLException ex) {
			throw journalFirst(reading, databaseError("read " + this.history.displayName(), ex));
		}
		catch (RuntimeException ex) {
			throw journalFirst(reading, ex);
		}
	}

	/**
	 * The journal, read on a thread of its own while this one connects and reads the history, the first time; once
	 * read, the journal itself. Reading and hashing a thousand files in a fresh JVM costs tens of milliseconds, and
	 * the history's round trips as much again: at an application's start they overlap.
	 */
	private Supplier<Journal> journalMeanwhile() {
		Journal read = this.journal.get();
		if (read != null) {
			return () -> read;
		}
		Ahead ahead = this.prefetch.get();
		if (ahead != null && ahead.prefetch().finished()) {
			// read ahead already (a Spring Boot application's start): take it now, and a broken journal fails at once
			Journal taken = journal();
			return () -> taken;
		}
		FutureTask<Journal> task = new FutureTask<>(this::journal);
		Thread reader = new Thread(task, "migrator-journal");
		reader.setDaemon(true);
		reader.start();
		return () -> {
			try {
				return task.get();
			}
			catch (ExecutionException ex) {
				throw HelperFailure.unchecked(ex.getCause(), "Could not read the journal");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while reading the journal", ex);
			}
		};
	}

	/**
	 * A problem of the journal rather than the database's: the journal is checked first, so a broken journal is what
	 * a run reports whatever the database says, as when it was read before connecting.
	 */
	private static RuntimeException journalFirst(Supplier<Journal> reading, RuntimeException failure) {
		try {
			reading.get();
		}
		catch (RuntimeException journalProblem) {
			if (journalProblem != failure) {
				journalProblem.addSuppressed(failure);
			}
			return journalProblem;
		}
		return failure;
	}

	/**
	 * Fails unless the database is up to date with the journal; applies nothing.
	 * @return the plan, with nothing to apply
	 * @throws ValidationException listing what is pending, out of order or modified
	 */
	public Plan validate() {
		Plan plan = status();
		List<String> problems = new ArrayList<>(plan.problems());
		for (Migration pending : plan.toApply()) {
			problems.add(pending.tag() + " is not applied");
		}
		if (!problems.isEmpty()) {
			throw new ValidationException(problems,
					"Apply the pending migrations (run with migrator.mode=migrate, the one-shot migrate job or migrator"
							+ " migrate) or fix what is listed; for an applied file edited on purpose, migrator repair"
							+ " --tag <tag> --yes records its new hash.");
		}
		logger.info("Schema {} on {} validated: {} applied, nothing pending", this.history.displayName(), this.database,
				plan.count(MigrationState.APPLIED) + plan.count(MigrationState.MODIFIED));
		return plan;
	}

	/**
	 * Applies every pending migration.
	 * @return what was applied
	 * @throws MigratorException when the journal, the plan or a migration fails; what was applied before stays
	 */
	public MigrationReport migrate() {
		this.listener.beforeRun(this.settings);
		MigrationReport report;
		try {
			report = migrateOnce();
		}
		catch (RuntimeException ex) {
			this.listener.onFailure(ex);
			throw ex;
		}
		this.listener.afterRun(report);
		return report;
	}

	private MigrationReport migrateOnce() {
		long started = System.nanoTime();
		Supplier<Journal> reading = journalMeanwhile();
		MigrationLock lock = new MigrationLock(this.settings.schema(), this.settings.table(),
				this.settings.lockWaitTimeout());
		Executor executor = new Executor(this.history, this.settings);
		try (Connection connection = connect()) {
			HistoryDigest digest = this.history.digest(connection);
			nameDatabase(connection);
			Journal current = reading.get();
			if (digest != null && digest.matches(current)) {
				current.warnings().forEach((warning) -> logger.warn("On {}: {}", this.database, warning));
				return finish(List.of(), current.migrations().size(), current.warnings(), started);
			}
			List<AppliedRow> rows = (digest != null) ? this.history.read(connection) : List.of();
			Plan hint = plan(current, rows);
			if (hint.toApply().isEmpty() && hint.problems().isEmpty()) {
				return apply(connection, hint, executor, started);
			}
			try (MigrationSession session = MigrationSession.open(connection, this.settings.clientCheckInterval())) {
				return migrateLocked(connection, lock.acquire(connection), current, executor, started);
			}
		}
		catch (SQLException ex) {
			throw journalFirst(reading, databaseError("migrate " + this.history.displayName(), ex));
		}
		catch (RuntimeException ex) {
			throw journalFirst(reading, ex);
		}
	}

	private MigrationReport migrateLocked(Connection connection, MigrationLock.Held lock, Journal current,
			Executor executor, long started) throws SQLException {
		try (MigrationLock.Held held = lock) {
			HistoryStore.Created created = this.history.ensureExists(connection, current.layout());
			this.history.upgradeFor(connection, current);
			List<AppliedRow> rows = this.history.read(connection);
			Plan plan = plan(current, rows);
			try {
				return apply(connection, plan, executor, started);
			}
			catch (MigrationFailedException ex) {
				this.history.dropCreated(connection, created);
				boolean first = rows.isEmpty() && ex.tag().equals(plan.toApply().get(0).tag());
				throw first ? FirstRunFailure.explain(ex, this.history.displayName(), plan.toApply().get(0)) : ex;
			}
			catch (RuntimeException ex) {
				this.history.dropCreated(connection, created);
				throw ex;
			}
		}
	}

	private MigrationReport apply(Connection connection, Plan unlinted, Executor executor, long started)
			throws SQLException {
		if (!unlinted.problems().isEmpty()) {
			throw new ValidationException(unlinted.problems(),
					"Nothing was applied. Resolve the problems listed, or relax the policy named in each.");
		}
		Plan plan = lint(connection, unlinted);
		plan.warnings().forEach((warning) -> logger.warn("On {}: {}", this.database, warning));
		plan.findings().forEach((finding) -> logger.warn("On {}: {}", this.database, finding));
		if (this.settings.lint().stopsRun(plan.findings())) {
			throw new ValidationException(plan.findings().stream().map(Finding::toString).toList(),
					"Nothing was applied (migrator.lint.mode=fail). Fix the statements, or if a finding is intended,"
							+ " put -- migrator:allow <rule-id> <reason> above the statement, or set"
							+ " migrator.lint.rules.<rule-id>=warn.");
		}
		int before = (int) plan.count(MigrationState.APPLIED) + (int) plan.count(MigrationState.MODIFIED);
		List<AppliedMigration> applied = new ArrayList<>();
		List<Migration> toApply = plan.toApply();
		RoundTrip roundTrip = new RoundTrip(executor, this.history);
		int attemptsMade = 0;
		for (int i = 0; i < toApply.size();) {
			// with group commit, plain migrations in a row go to the server together; one that waited too long for a
			// lock in such a round trip is tried again alone
			int count = (this.settings.groupCommit() && attemptsMade == 0) ? RoundTrip.size(toApply, i) : 1;
			boolean durable = !this.settings.groupCommit() || i + count == toApply.size();
			RoundTrip.Result sent;
			try {
				sent = (count > 1) ? roundTrip.apply(connection, toApply.subList(i, i + count), durable)
						: RoundTrip.Result.of(executor.apply(connection, toApply.get(i), durable, attemptsMade));
			}
			catch (MigratorException ex) {
				throw flushed(connection, ex, applied);
			}
			try {
				for (AppliedMigration done : sent.applied()) {
					toApply.get(i++).releaseStatements();
					boolean shared = sent.lastTimeShared() && done == sent.applied().get(sent.applied().size() - 1);
					report(done, shared ? toApply.get(i).tag() : null);
					applied.add(done);
					this.listener.afterMigration(done);
				}
			}
			catch (RuntimeException listenerFailed) {
				// the migrations after it in the round trip stay committed, heard or not
				if (sent.failure() != null) {
					listenerFailed.addSuppressed(sent.failure());
				}
				throw flushed(connection, listenerFailed, applied);
			}
			if (sent.failure() != null) {
				throw flushed(connection, sent.failure(), applied);
			}
			attemptsMade = sent.attemptsMade();
		}
		List<String> warnings = new ArrayList<>(plan.warnings());
		plan.findings().forEach((finding) -> warnings.add(finding.toString()));
		return finish(applied, before, warnings, started);
	}

	/** Logs how a run ended and reports it. */
	private MigrationReport finish(List<AppliedMigration> applied, int before, List<String> warnings, long started) {
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		if (applied.isEmpty()) {
			logger.info("Schema {} on {} is up to date: {} applied, checked in {} ms", this.history.displayName(),
					this.database, before, took.toMillis());
		}
		else {
			logger.info("Applied {} migration(s) to {} on {} in {} ms ({} were already applied)", applied.size(),
					this.history.displayName(), this.database, took.toMillis(), before);
		}
		return new MigrationReport(List.copyOf(applied), before, List.copyOf(warnings), took);
	}

	/**
	 * Logs a migration applied, with a warning when it took longer than {@code migrator.slow-migration-warning}.
	 * @param next the migration sent after it in the same round trip that did not commit, whose time its own
	 * includes; {@code null} when its time is its own
	 */
	private void report(AppliedMigration done, String next) {
		Duration slow = this.settings.slowMigrationWarning();
		if (next != null) {
			logger.info("Applied migration {} on {}; with {}, sent after it in the same round trip, it took {} ms",
					done.tag(), this.database, next, done.duration().toMillis());
		}
		else if (!slow.isZero() && done.duration().compareTo(slow) > 0) {
			logger.warn("Migration {} on {} took {} ms, longer than migrator.slow-migration-warning ({}): keep"
					+ " migrations to seconds, and move large backfills to a one-shot script", done.tag(), this.database,
					done.duration().toMillis(), slow);
		}
		else {
			logger.info("Applied migration {} on {} in {} ms", done.tag(), this.database, done.duration().toMillis());
		}
	}

	/**
	 * A failure to throw once the migrations applied before it are durable: with group commit they did not wait for
	 * the WAL flush, and must not wait for a later run's.
	 */
	private <E extends RuntimeException> E flushed(Connection connection, E failure, List<AppliedMigration> applied) {
		if (!applied.isEmpty() && this.settings.groupCommit()) {
			try {
				this.history.flushCommits(connection);
			}
			catch (SQLException flushFailed) {
				failure.addSuppressed(flushFailed);
			}
		}
		return failure;
	}

	/**
	 * Adopts a database whose schema was created some other way: records the entries up to and including
	 * {@code tag} as applied, exactly as Drizzle's runner would, without running them ({@link Baseline}).
	 * @param tag the newest entry the database already has
	 * @return the entries recorded, in journal order
	 * @throws IllegalArgumentException when the journal has no such tag
	 * @throws ValidationException when one of them is already recorded or a history row is newer; nothing changed
	 */
	public List<Migration> baseline(String tag) {
		List<Migration> entries = Baseline.upTo(journal(), entry(tag));
		List<Migration> recorded = locked("baseline",
				(connection) -> Baseline.record(connection, this.history, entries, journal()));
		recorded.forEach((migration) -> logger.info("Recorded {} as applied without running it", migration.tag()));
		logger.info("Baselined {}: {} migration(s) up to {} recorded as applied", this.history.displayName(),
				recorded.size(), tag);
		return recorded;
	}

	/**
	 * Replaces the recorded hash of a {@link MigrationState#MODIFIED} migration with its file's, for a file that was
	 * edited on purpose ({@link HashRepair}).
	 * @param tag the migration's tag
	 * @param apply whether to replace it; {@code false} only reports what would be replaced and takes no lock
	 * @return the recorded and the file's hash, and whether the row was changed
	 * @throws IllegalArgumentException when the journal has no such tag
	 * @throws ValidationException when the migration is not MODIFIED; nothing changed
	 */
	public HashRepair repair(String tag, boolean apply) {
		entry(tag);
		if (!apply) {
			return HashRepair.of(status(), tag);
		}
		HashRepair done = locked("repair", (connection) -> {
			HashRepair repair = HashRepair.of(plan(journal(), this.history.read(connection)), tag);
			if (!this.history.replaceHash(connection, repair.rowId(), repair.recordedHash(), repair.fileHash())) {
				throw new MigratorException("History row id " + repair.rowId() + " of " + tag + " changed while it was"
						+ " being repaired", "Something other than Migrator writes the history table; check and retry.");
			}
			return repair.done();
		});
		logger.info("Replaced the recorded hash of {} (history row id {}): was {}, now {} (the file's)", tag,
				done.rowId(), done.recordedHash(), done.fileHash());
		return done;
	}

	/**
	 * A migrator like this one that also tells a listener what its {@link #migrate()} runs do.
	 * @param listener the listener, called after the ones this migrator already has
	 * @return a new migrator on the same DataSource, settings and folder; this one is unchanged
	 */
	public Migrator withListener(MigrationListener listener) {
		Migrator observed = new Migrator(this.dataSource, this.settings, this.source, this.journal, this.prefetch);
		observed.listener = (this.listener == MigrationListener.NONE) ? listener
				: MigrationListener.of(List.of(this.listener, listener));
		return observed;
	}

	/** The settings this migrator runs with. */
	public MigratorSettings settings() {
		return this.settings;
	}

	/** The DataSource this migrator runs on. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/** A connection of the DataSource; a DataSource may answer {@code null}, which is reported as an error here. */
	private Connection connect() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		if (connection == null) {
			throw new MigratorException("The DataSource (" + this.dataSource.getClass().getName()
					+ ") returned no connection: its JDBC driver does not accept the URL it was given",
					"Give it a PostgreSQL JDBC URL, such as jdbc:postgresql://localhost:5432/app.");
		}
		return connection;
	}

	/**
	 * Names the database for the log, from the connection's metadata. Called once the history has been asked for:
	 * in a fresh JVM loading the driver's metadata class costs milliseconds, spent while the journal is still being
	 * read rather than before the first query.
	 */
	private void nameDatabase(Connection connection) {
		this.database = DatabaseName.of(connection);
	}

	private Plan plan(Journal current, List<AppliedRow> rows) {
		return Planner.plan(current, this.history.displayName(), rows, this.settings.policy());
	}

	/** The plan with the lint's findings in the migrations it would apply, judged against the live database. */
	private Plan lint(Connection connection, Plan plan) {
		if (plan.toApply().isEmpty()) {
			return plan;
		}
		Linter linter = new Linter(this.settings.lint());
		return plan.withFindings(linter.lint(plan.toApply(), this.source,
				new CatalogFacts(connection, this.settings.lint().largeTableRows())));
	}

	/** The journal's entry with a tag; checked before the database is touched. */
	private Migration entry(String tag) {
		List<Migration> migrations = journal().migrations();
		for (Migration migration : migrations) {
			if (migration.tag().equals(tag)) {
				return migration;
			}
		}
		String tags = migrations.isEmpty() ? ""
				: " (its tags run from " + migrations.get(0).tag() + " to " + migrations.get(migrations.size() - 1).tag()
						+ ")";
		String where = (journal().layout() == Journal.Layout.FOLDERS) ? "No migration folder in "
				: "No entry of meta/_journal.json in ";
		throw new IllegalArgumentException(where + journal().location() + " has the tag '" + tag + "'" + tags);
	}

	/** Runs work on one connection while holding the migration lock. */
	private <T> T locked(String what, LockedWork<T> work) {
		MigrationLock lock = new MigrationLock(this.settings.schema(), this.settings.table(),
				this.settings.lockWaitTimeout());
		try (Connection connection = connect(); MigrationLock.Held held = lock.acquire(connection)) {
			nameDatabase(connection);
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw databaseError(what + " " + this.history.displayName(), ex);
		}
	}

	private static MigratorException databaseError(String what, SQLException ex) {
		String state = (ex.getSQLState() != null) ? " [SQLSTATE " + ex.getSQLState() + "]" : "";
		return new MigratorException("Could not " + what + ": " + ex.getMessage() + state,
				"Check that the database is reachable and that the migration user may use the history schema.", ex);
	}

	/** Work done on a connection that holds the lock. */
	@FunctionalInterface
	private interface LockedWork<T> {

		T run(Connection connection) throws SQLException;

	}

	/** A journal read ahead, and the class loader this migrator reads {@code classpath:} locations with. */
	private record Ahead(JournalPrefetch prefetch, ClassLoader classLoader) {
	}

}
