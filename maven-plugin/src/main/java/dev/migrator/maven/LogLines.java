package dev.migrator.maven;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.logging.Log;

/**
 * Where a command's output goes inside Maven: each line into Maven's log, at the level its prefix says
 * ({@code error: }, {@code action: } and check's {@code error[rule]} as errors, {@code warning: } and
 * {@code warn[rule]} as warnings, the rest as info), so that a failing goal shows the command's own words.
 */
final class LogLines extends Writer {

	private final Log log;

	private final StringBuilder line = new StringBuilder();

	private final List<String> errors = new ArrayList<>();

	private Level last = Level.INFO;

	LogLines(Log log) {
		this.log = log;
	}

	@Override
	public void write(char[] buffer, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			char c = buffer[i];
			if (c == '\n') {
				emit();
			}
			else if (c != '\r') {
				this.line.append(c);
			}
		}
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
		if (!this.line.isEmpty()) {
			emit();
		}
	}

	/** The lines logged as errors, to repeat in the goal's failure. */
	List<String> errors() {
		return List.copyOf(this.errors);
	}

	private void emit() {
		String text = this.line.toString();
		this.line.setLength(0);
		Level level = level(text);
		switch (level) {
			case ERROR -> {
				String bare = text.startsWith("error: ") ? text.substring("error: ".length()) : text;
				this.log.error(bare);
				this.errors.add(bare);
			}
			case WARN -> this.log.warn(text.startsWith("warning: ") ? text.substring("warning: ".length()) : text);
			default -> this.log.info(text);
		}
		this.last = level;
	}

	private Level level(String text) {
		if (text.startsWith("error: ") || text.startsWith("action: ") || text.startsWith("error[")) {
			return Level.ERROR;
		}
		if (text.startsWith("warning: ") || text.startsWith("warn[")) {
			return Level.WARN;
		}
		// a finding's fix belongs with the finding
		return text.startsWith("  fix: ") ? this.last : Level.INFO;
	}

	private enum Level {

		INFO, WARN, ERROR

	}

}
