package dev.migrator.engine.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrator.engine.JournalException;

/**
 * Names a refusal of the engine's {@code Journal.read} as a finding. The rule and its wording stay in the engine; this
 * only tells which rule spoke, by the phrase its message always holds, and finds the line the message names.
 */
final class Refusals {

	private static final List<Phrase> PHRASES = List.of(new Phrase(" holds both ", CheckRule.LAYOUT_CONFLICT),
			new Phrase("No " + JournalLines.PATH, CheckRule.JOURNAL_MISSING),
			new Phrase(" is not valid UTF-8", CheckRule.NOT_UTF8),
			new Phrase(" is malformed: ", CheckRule.JOURNAL_MALFORMED),
			new Phrase(" has the same ", CheckRule.JOURNAL_DUPLICATE), new Phrase(" has no file ", CheckRule.FILE_MISSING),
			new Phrase(" is never closed", CheckRule.UNCLOSED),
			new Phrase(" a migration file may hold", CheckRule.FILE_TOO_LARGE),
			new Phrase(" does not start with a YYYYMMDDHHMMSS", CheckRule.FOLDER_NAME),
			new Phrase("Cannot ", CheckRule.UNREADABLE));

	private static final Pattern LINE = Pattern.compile("\\bline (\\d+)");

	private static final Pattern DUPLICATE_ENTRIES = Pattern.compile("in entries \\d+ and (\\d+)$");

	private Refusals() {
	}

	/**
	 * The finding of a refusal.
	 * @param ex what the engine threw
	 * @param file the file the refusal is about, relative to the folder
	 * @param line the line to point at when the message names none
	 * @param journal the journal's entries, to point a duplicate at its second entry
	 * @return an error finding with the engine's message and action
	 */
	static CheckFinding finding(JournalException ex, String file, int line, JournalLines journal) {
		String message = ex.getMessage();
		CheckRule rule = PHRASES.stream()
			.filter((phrase) -> message.contains(phrase.text()))
			.map(Phrase::rule)
			.findFirst()
			.orElse(CheckRule.JOURNAL_MALFORMED);
		int at = line;
		Matcher duplicate = DUPLICATE_ENTRIES.matcher(message);
		Matcher named = LINE.matcher(message);
		if (duplicate.find()) {
			at = journal.lineOf(Integer.parseInt(duplicate.group(1)));
		}
		else if (named.find()) {
			at = Integer.parseInt(named.group(1));
		}
		return rule.finding(Severity.ERROR, file, at, message, ex.action());
	}

	private record Phrase(String text, CheckRule rule) {
	}

}
