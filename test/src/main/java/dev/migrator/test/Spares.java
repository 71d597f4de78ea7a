package dev.migrator.test;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One copy of each template kept ready. A copy takes about as long as creating an empty database, so it is made in
 * the background after each hand-over, while the test that got the previous one runs; the next test then gets its
 * database without waiting. Off with the system property {@value #PROPERTY}{@code =false}.
 */
final class Spares {

	static final String PROPERTY = "migrator.test.spare";

	private static final Logger logger = LoggerFactory.getLogger(Spares.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "migrator-test-spares");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Future<String>> ready = new ConcurrentHashMap<>();

	/**
	 * A new copy of a template: the spare when one was made, else one made now; then the next spare is started.
	 * @param names a new database name on each call
	 * @return the copy's name
	 */
	String take(PostgresServer server, String template, Supplier<String> names) throws SQLException {
		String key = server.address() + "/" + template;
		String name = spare(this.ready.remove(key));
		if (name == null) {
			name = names.get();
			ServerAdmin.createFrom(server, name, template);
		}
		if (!"false".equals(System.getProperty(PROPERTY))) {
			this.ready.computeIfAbsent(key, (k) -> this.executor.submit(() -> {
				String next = names.get();
				ServerAdmin.createFrom(server, next, template);
				return next;
			}));
		}
		return name;
	}

	/** Waits until the spare of a template is made, for measuring the hand-over alone. */
	void awaitSpare(PostgresServer server, String template) throws InterruptedException {
		Future<String> spare = this.ready.get(server.address() + "/" + template);
		if (spare != null) {
			try {
				spare.get();
			}
			catch (ExecutionException ex) {
				// take() makes the copy again
			}
		}
	}

	/** The spare's name, or {@code null} when there is none or it could not be made (the caller makes one now). */
	private static String spare(Future<String> spare) {
		if (spare == null) {
			return null;
		}
		try {
			return spare.get();
		}
		catch (ExecutionException ex) {
			logger.debug("The spare database could not be made, making one now: {}", ex.getCause().getMessage());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a spare test database", ex);
		}
	}

}
