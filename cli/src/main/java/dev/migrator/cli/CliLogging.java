package dev.migrator.cli;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Prints the engine's log lines as a command's output: the engine logs through slf4j, which this jar binds to
 * {@code java.util.logging}, and this handler prints the engine's INFO lines ("Applied migration ... in 12 ms") bare
 * on standard output and every WARNING as {@code warning: ...} on standard error. Other libraries (the PostgreSQL
 * driver) only get to print warnings.
 */
final class CliLogging {

	/** Kept referenced: java.util.logging holds loggers weakly, and would forget the level. */
	private static final Logger ENGINE = Logger.getLogger("dev.migrator");

	private CliLogging() {
	}

	static void install(PrintStream out, PrintStream err) {
		LogManager.getLogManager().reset();
		Logger root = Logger.getLogger("");
		root.setLevel(Level.WARNING);
		ENGINE.setLevel(Level.INFO);
		root.addHandler(new Lines(out, err));
	}

	private static final class Lines extends Handler {

		private final PrintStream out;

		private final PrintStream err;

		Lines(PrintStream out, PrintStream err) {
			this.out = out;
			this.err = err;
		}

		@Override
		public void publish(LogRecord record) {
			// slf4j has already put the arguments into the message
			String message = record.getMessage();
			if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
				this.err.println("warning: " + message);
				this.err.flush();
			}
			else {
				this.out.println(message);
				this.out.flush();
			}
		}

		@Override
		public void flush() {
			this.out.flush();
			this.err.flush();
		}

		@Override
		public void close() {
			flush();
		}

	}

}
