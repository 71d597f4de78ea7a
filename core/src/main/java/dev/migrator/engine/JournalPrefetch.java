package dev.migrator.engine;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A journal read ahead, on a thread of its own, for a {@link Migrator} created later: Spring Boot starts one when the
 * application context is prepared, so that the files are read and hashed while the context refreshes instead of
 * when the migrator runs. The first migrator whose settings name the same location and unjournaled-file policy, with
 * the same class loader, takes it for its first read; it is taken once, and every other migrator (or a later one)
 * reads the folder itself. One that is not taken while the context starts is {@linkplain #discard() discarded}.
 */
public final class JournalPrefetch {

	/** What is read: known before the read starts, so that a migrator for other settings does not wait for it. */
	private final AtomicReference<Key> key = new AtomicReference<>();

	private final CountDownLatch keyKnown = new CountDownLatch(1);

	private final AtomicReference<Read> result = new AtomicReference<>();

	private final CountDownLatch done = new CountDownLatch(1);

	private final AtomicBoolean taken = new AtomicBoolean();

	private volatile boolean used;

	private JournalPrefetch() {
	}

	/**
	 * Starts reading.
	 * @param settings the settings the journal is read for, computed on the reading thread; {@code null} (or an
	 * exception) when there is nothing to read ahead, such as settings that are not valid (the migrator reports them)
	 * @param classLoader the loader of {@code classpath:} locations
	 * @return the read under way
	 */
	public static JournalPrefetch start(Supplier<MigratorSettings> settings, ClassLoader classLoader) {
		JournalPrefetch prefetch = new JournalPrefetch();
		Thread reader = new Thread(() -> prefetch.run(settings, classLoader), "migrator-journal-prefetch");
		reader.setDaemon(true);
		reader.start();
		return prefetch;
	}

	private void run(Supplier<MigratorSettings> settings, ClassLoader classLoader) {
		try {
			MigratorSettings wanted;
			try {
				wanted = settings.get();
			}
			catch (RuntimeException ex) {
				wanted = null;
			}
			if (wanted == null) {
				return;
			}
			Key read = new Key(wanted.location(), wanted.policy().onUnjournaled(), classLoader);
			this.key.set(read);
			this.keyKnown.countDown();
			try {
				this.result.set(new Read(
						Journal.read(MigrationSource.of(read.location(), classLoader), read.onUnjournaled()), null));
			}
			catch (RuntimeException | Error ex) {
				this.result.set(new Read(null, ex));
			}
			if (this.taken.get() && !this.used) {
				this.result.set(null); // discarded while it was read
			}
		}
		finally {
			this.keyKnown.countDown();
			this.done.countDown();
		}
	}

	/** Whether the read has finished (or was never started): taking it now does not wait. */
	public boolean finished() {
		return this.done.getCount() == 0;
	}

	/** Whether a migrator has taken the journal read ahead. */
	public boolean used() {
		return this.used;
	}

	/**
	 * Lets the journal read ahead go, if no migrator has taken it: the application context has started, and a
	 * migrator created later reads the folder itself.
	 */
	public void discard() {
		if (this.taken.compareAndSet(false, true)) {
			this.result.set(null);
		}
	}

	/**
	 * Takes the journal read ahead for these settings and this class loader, waiting for the read to finish; only
	 * the first such call gets it. A call for other settings returns as soon as they are known, without waiting for
	 * the read.
	 * @return empty when it was read for other settings, not at all, or was taken or discarded already
	 * @throws RuntimeException the read's own error (such as a {@link JournalException}) when it was for these
	 * settings, exactly as reading the folder now would have thrown it
	 */
	Optional<Journal> journalFor(MigratorSettings settings, ClassLoader classLoader) {
		if (!await(this.keyKnown)) {
			return Optional.empty();
		}
		Key read = this.key.get();
		if (read == null || !read.location().equals(settings.location())
				|| read.onUnjournaled() != settings.policy().onUnjournaled() || read.classLoader() != classLoader
				|| !this.taken.compareAndSet(false, true)) {
			return Optional.empty();
		}
		if (!await(this.done)) {
			return Optional.empty();
		}
		Read journal = this.result.getAndSet(null);
		if (journal == null) {
			return Optional.empty();
		}
		this.used = true;
		if (journal.failure() != null) {
			throw HelperFailure.unchecked(journal.failure(), "Could not read the journal ahead");
		}
		return Optional.of(journal.journal());
	}

	private static boolean await(CountDownLatch latch) {
		try {
			latch.await();
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private record Key(String location, Policy.OnUnjournaled onUnjournaled, ClassLoader classLoader) {
	}

	private record Read(Journal journal, Throwable failure) {
	}

}
