package dev.migrator.maven;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The levels the command's lines get in Maven's log, and the errors a failed goal repeats. */
class LogLinesTests {

	@Test
	void anIndentedLineBelongsToTheLineBeforeAndToItsErrorMessage() throws IOException {
		Recording log = new Recording();
		try (LogLines lines = new LogLines(log)) {
			lines.write("Connecting to localhost:5432/app\n"
					+ "error: Migration 0005_add_flags failed at statement 1: ERROR: column \"x\" does not exist\n"
					+ "  Position: 8 [SQLSTATE 42703]. Nothing of 0005_add_flags was kept.\n"
					+ "action: Fix 0005_add_flags.sql and run again.\n");
		}
		assertThat(log.lines).containsExactly("INFO Connecting to localhost:5432/app",
				"ERROR Migration 0005_add_flags failed at statement 1: ERROR: column \"x\" does not exist",
				"ERROR   Position: 8 [SQLSTATE 42703]. Nothing of 0005_add_flags was kept.",
				"ERROR action: Fix 0005_add_flags.sql and run again.");
		try (LogLines lines = new LogLines(log)) {
			lines.write("error: first\n  second\naction: third\n");
			assertThat(lines.errors()).containsExactly("first\n  second", "action: third");
		}
	}

	@Test
	void anIndentedLineAfterOrdinaryOutputStaysInfoAndAFixStaysWithItsFinding() throws IOException {
		Recording log = new Recording();
		try (LogLines lines = new LogLines(log)) {
			lines.write("IDX  TAG\n  0  0000_init\nwarn[leftover-file] a.sql:1: leftover\n  fix: Delete it.\n"
					+ "0 error(s), 1 warning(s)\n");
		}
		assertThat(log.lines).containsExactly("INFO IDX  TAG", "INFO   0  0000_init",
				"WARN warn[leftover-file] a.sql:1: leftover", "WARN   fix: Delete it.", "INFO 0 error(s), 1 warning(s)");
	}

	/** A Maven log that keeps each info, warning and error line with its level. */
	private static final class Recording extends SystemStreamLog {

		final List<String> lines = new ArrayList<>();

		@Override
		public void info(CharSequence content) {
			this.lines.add("INFO " + content);
		}

		@Override
		public void warn(CharSequence content) {
			this.lines.add("WARN " + content);
		}

		@Override
		public void error(CharSequence content) {
			this.lines.add("ERROR " + content);
		}

	}

}
