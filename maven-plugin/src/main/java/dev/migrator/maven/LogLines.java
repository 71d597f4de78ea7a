package dev.migrator.maven;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.logging.Log;

/**
 * Where a command's output goes inside Maven: each line into Maven's log, at the level its prefix says
 * ({@code error: }, {@code action: } and check's {@code error[rule]} as errors, {@code warning: } and
 * {@code warn[rule]} as warnings, an indented line at the level of the line before it, the rest as info), so that a
 * failing goal shows the command's own words, every line of them.
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
				if (continues(text) && !this.errors.isEmpty()) {
					// the rest of a message of several lines, such as PostgreSQL's "  Position: 8"
					this.errors.set(this.errors.size() - 1, this.errors.get(this.errors.size() - 1) + "\n" + bare);
				}
				else {
					this.errors.add(bare);
				}
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
		// an indented line (a finding's fix, or the rest of a message of several lines) belongs with the line before
		return continues(text) ? this.last : Level.INFO;
	}

	private static boolean continues(String text) {
		return !text.isEmpty() && Character.isWhitespace(text.charAt(0));
	}

	private enum Level {

		INFO, WARN, ERROR

	}

}
