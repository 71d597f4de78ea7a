package dev.migrator.engine;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import dev.migrator.engine.lint.Linter;

/**
 * Splits and lints a journal's files ahead of need, on the thread that read the journal, while the run's own thread
 * still waits for the database: in a fresh JVM a first connection takes hundreds of milliseconds, and the run's first
 * statement waits for every pending file to be split and linted.
 *
 * <p>Steps:
 * <ol>
 * <li>once the journal is read, and only when the connection is not open yet ({@link #connected()}): split the
 * files newest first, since the pending migrations of a database in use are its newest, until told to stop or until
 * a file is found split already (the planner splits the pending ones oldest first, and the two meet);</li>
 * <li>then, the same way, lint them as if every table they touch were missing ({@link Linter#lintAhead}), as in a new
 * database; the lint keeps those findings where the live facts agree;</li>
 * <li>when the plan is known ({@link #planned(List)}): stop, wait for the file at hand, and let go of what was split
 * for migrations that are not to be applied, so that an up-to-date check keeps no SQL.</li>
 * </ol>
 * A file that fails here is left alone: the planner or the lint meets it again and reports it.
 */
final class SplitAhead {

	/** For a journal read before the run started: nothing is done ahead. */
	static final SplitAhead NONE = new SplitAhead(null, null);

	private final Linter linter;

	private final MigrationSource source;

	private final CountDownLatch finished = new CountDownLatch(1);

	private volatile boolean connected;

	private volatile boolean stopped;

	/** Written on the reading thread before {@link #finished} is counted down, read after it. */
	private List<Migration> migrations = List.of();

	private int oldestSplit;

	private final Map<Migration, Linter.Ahead> linted = new IdentityHashMap<>();

	private SplitAhead(Linter linter, MigrationSource source) {
		this.linter = linter;
		this.source = source;
		if (linter == null) {
			this.finished.countDown();
		}
	}

	/**
	 * One for a journal being read now: {@link #run(Journal)} must be called once the read ends, however it ends.
	 * @param linter the lint of the run
	 * @param source where the files are
	 */
	static SplitAhead started(Linter linter, MigrationSource source) {
		return new SplitAhead(linter, source);
	}

	/**
	 * Splits and lints ahead, on the reading thread, after the read.
	 * @param journal the journal read, or {@code null} when its read failed
	 */
	void run(Journal journal) {
		try {
			if (journal == null || this.connected) {
				return;
			}
			List<Migration> all = journal.migrations();
			this.migrations = all;
			this.oldestSplit = all.size();
			for (int i = all.size() - 1; i >= 0 && !this.stopped; i--) {
				try {
					if (!all.get(i).splitAhead()) {
						break;
					}
				}
				catch (RuntimeException ex) {
					// the planner meets the same file and reports it
				}
				this.oldestSplit = i;
			}
			for (int i = all.size() - 1; i >= this.oldestSplit && !this.stopped; i--) {
				lint(all.get(i));
			}
		}
		finally {
			this.finished.countDown();
		}
	}

	private void lint(Migration migration) {
		try {
			Linter.Ahead ahead = this.linter.lintAhead(migration, this.source);
			if (ahead != null) {
				this.linted.put(migration, ahead);
			}
		}
		catch (RuntimeException ex) {
			// the lint meets the same file and reports it
		}
	}

	/**
	 * The connection is open: a journal read after it is planned as soon as the history is read, and nothing is done
	 * ahead (an application's pool has its connection open already, and there is no wait to fill).
	 */
	void connected() {
		if (this != NONE) {
			this.connected = true;
		}
	}

	/**
	 * The plan is made: stops, and drops the splits of migrations other than those to apply.
	 * @param toApply the migrations the plan applies, whose splits stay
	 */
	void planned(List<Migration> toApply) {
		if (this == NONE) {
			return;
		}
		this.connected = true;
		this.stopped = true;
		try {
			this.finished.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		Set<Migration> kept = Collections.newSetFromMap(new IdentityHashMap<>());
		kept.addAll(toApply);
		for (int i = this.oldestSplit; i < this.migrations.size(); i++) {
			Migration migration = this.migrations.get(i);
			if (!kept.contains(migration)) {
				migration.releaseStatements();
				this.linted.remove(migration);
			}
		}
		this.migrations = List.of();
	}

	/**
	 * A migration's lint done ahead; read after {@link #planned(List)}.
	 * @return it, or {@code null} when it was not linted ahead
	 */
	Linter.Ahead linted(Migration migration) {
		return this.linted.get(migration);
	}

}
