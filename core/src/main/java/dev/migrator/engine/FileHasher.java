package dev.migrator.engine;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads and hashes every journaled file: the first stage of every run, also when nothing is to be applied, so it is
 * built for a fresh JVM. One {@link MessageDigest} and one read buffer per worker instead of one per file: a file is
 * fed to the digest in pieces and never held (only the hash is kept; a file is read again when it is about to run).
 *
 * <p>Workers: in a fresh JVM most of the time goes to code that is not compiled yet, and the JIT compiles on threads
 * of its own. On 2 cores a second worker took those threads' CPU and was slower for 1000 and for 3000 files (measured:
 * 53-69 ms alone, 53-65 ms with two threads for 1000; 80-84 ms alone, 88-105 ms in parallel for 3000), so workers are
 * added only where there are cores to spare.
 */
final class FileHasher {

	/** Below this many files, one worker: starting threads costs more than it saves. */
	static final int PARALLEL_FROM = 256;

	/**
	 * A worker reads each file in pieces of this size into one buffer: the files' bytes are never held, and a
	 * thousand of them allocate nothing a collection has to clear (8 KiB is also what the JDK reads through a buffer
	 * of its own).
	 */
	private static final int BUFFER_BYTES = 8192;

	/** Files a worker takes at a time. */
	private static final int CHUNK = 32;

	private FileHasher() {
	}

	/**
	 * The migrations of the entries, each with its file's hash.
	 * @throws JournalException for the first entry whose file is missing, unreadable or too large
	 */
	static List<Migration> hashAll(MigrationSource source, List<JournalEntry> entries) {
		int processors = Runtime.getRuntime().availableProcessors();
		int workers = (entries.size() >= PARALLEL_FROM && processors >= 4) ? Math.min(processors - 1, 8) : 1;
		return hashAll(source, entries, workers);
	}

	static List<Migration> hashAll(MigrationSource source, List<JournalEntry> entries, int workers) {
		Migration[] migrations = new Migration[entries.size()];
		Throwable[] errors = new Throwable[entries.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicBoolean failed = new AtomicBoolean();
		Runnable work = () -> {
			MessageDigest digest = Sha256.newDigest();
			byte[] buffer = new byte[BUFFER_BYTES];
			int from;
			// chunks are taken in order and a worker finishes its chunk, so when one fails every earlier entry is
			// still read: the error reported is the first entry's, as with one worker
			while (!failed.get() && (from = next.getAndAdd(CHUNK)) < migrations.length) {
				for (int i = from; i < Math.min(from + CHUNK, migrations.length); i++) {
					JournalEntry entry = entries.get(i);
					try {
						Journal.digestFile(source, entry, digest, buffer);
						migrations[i] = new Migration(entry, HexFormat.of().formatHex(digest.digest()),
								new FileStatements(source, entry));
					}
					catch (RuntimeException | Error ex) {
						// an Error too, so that a helper thread's OutOfMemoryError reaches the caller
						errors[i] = ex;
						failed.set(true);
						break;
					}
				}
			}
		};
		List<Thread> threads = new ArrayList<>();
		for (int i = 1; i < workers; i++) {
			Thread thread = new Thread(work, "migrator-hash-" + i);
			thread.setDaemon(true);
			thread.start();
			threads.add(thread);
		}
		work.run();
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while hashing the migration files", ex);
			}
		}
		for (Throwable error : errors) {
			if (error != null) {
				throw HelperFailure.unchecked(error, "Could not hash the migration files");
			}
		}
		return Arrays.asList(migrations);
	}

}
