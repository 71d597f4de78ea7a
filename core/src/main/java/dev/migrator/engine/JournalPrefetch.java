package dev.migrator.engine;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A journal read ahead, on a thread of its own, for a {@link Migrator} created later: Spring Boot starts one when the
 * application context is prepared, so that the files are read and hashed while the context refreshes instead of
 * when the migrator runs. A migrator uses it for its first read only when its settings name the same location and
 * unjournaled-file policy; any other migrator reads the folder itself.
 */
public final class JournalPrefetch {

	private final FutureTask<Read> task;

	private JournalPrefetch(FutureTask<Read> task) {
		this.task = task;
	}

	/**
	 * Starts reading.
	 * @param settings the settings the journal is read for, computed on the reading thread; {@code null} (or an
	 * exception) when there is nothing to read ahead, such as settings that are not valid (the migrator reports them)
	 * @param classLoader the loader of {@code classpath:} locations
	 * @return the read under way
	 */
	public static JournalPrefetch start(Supplier<MigratorSettings> settings, ClassLoader classLoader) {
		FutureTask<Read> task = new FutureTask<>(() -> read(settings, classLoader));
		Thread reader = new Thread(task, "migrator-journal-prefetch");
		reader.setDaemon(true);
		reader.start();
		return new JournalPrefetch(task);
	}

	private static Read read(Supplier<MigratorSettings> settings, ClassLoader classLoader) {
		MigratorSettings wanted;
		try {
			wanted = settings.get();
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (wanted == null) {
			return null;
		}
		Policy.OnUnjournaled onUnjournaled = wanted.policy().onUnjournaled();
		try {
			return new Read(wanted.location(), onUnjournaled,
					Journal.read(MigrationSource.of(wanted.location(), classLoader), onUnjournaled), null);
		}
		catch (RuntimeException ex) {
			return new Read(wanted.location(), onUnjournaled, null, ex);
		}
	}

	/**
	 * The journal read ahead for these settings, waiting for the read to finish.
	 * @return empty when it was read for other settings, or not at all
	 * @throws RuntimeException the read's own error (such as a {@link JournalException}) when it was for these
	 * settings, exactly as reading the folder now would have thrown it
	 */
	Optional<Journal> journalFor(MigratorSettings settings) {
		Read read;
		try {
			read = this.task.get();
		}
		catch (ExecutionException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		if (read == null || !read.location().equals(settings.location())
				|| read.onUnjournaled() != settings.policy().onUnjournaled()) {
			return Optional.empty();
		}
		if (read.failure() != null) {
			throw read.failure();
		}
		return Optional.of(read.journal());
	}

	private record Read(String location, Policy.OnUnjournaled onUnjournaled, Journal journal,
			RuntimeException failure) {
	}

}
