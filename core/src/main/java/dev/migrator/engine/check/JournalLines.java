package dev.migrator.engine.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The entries of {@code meta/_journal.json} as written, with the line of each entry and of each of its properties,
 * so that a finding points at the line to edit. Read only after the engine has accepted the journal's structure.
 */
final class JournalLines {

	static final String PATH = "meta/_journal.json";

	private final List<Entry> entries;

	private JournalLines(List<Entry> entries) {
		this.entries = entries;
	}

	/** Reads the journal's bytes; a journal that does not parse has no entries here (the engine reports it). */
	static JournalLines parse(byte[] journal) {
		List<Entry> entries = new ArrayList<>();
		try (JsonParser parser = CheckJson.MAPPER.createParser(journal)) {
			JsonNode root = CheckJson.MAPPER.readTree(journal);
			JsonNode array = root.path("entries");
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return new JournalLines(List.of());
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				boolean isEntries = parser.currentName().equals("entries");
				JsonToken value = parser.nextToken();
				if (isEntries && value == JsonToken.START_ARRAY) {
					while (parser.nextToken() != JsonToken.END_ARRAY) {
						entries.add(entry(parser, array.get(entries.size())));
					}
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			return new JournalLines(List.of());
		}
		return new JournalLines(List.copyOf(entries));
	}

	private static Entry entry(JsonParser parser, JsonNode node) {
		int line = parser.currentTokenLocation().getLineNr();
		Map<String, Integer> lines = new HashMap<>();
		if (parser.currentToken() == JsonToken.START_OBJECT) {
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				lines.putIfAbsent(parser.currentName(), parser.currentTokenLocation().getLineNr());
				parser.nextToken();
				parser.skipChildren();
			}
		}
		else {
			parser.skipChildren();
		}
		return new Entry(line, node, Map.copyOf(lines));
	}

	/** The entries, in journal order. */
	List<Entry> entries() {
		return this.entries;
	}

	/** The line where the entry at a position starts, or 1 when the journal has no such entry. */
	int lineOf(int position) {
		return (position >= 0 && position < this.entries.size()) ? this.entries.get(position).line() : 1;
	}

	/**
	 * One entry as written.
	 *
	 * @param line where its object starts
	 * @param node its JSON
	 * @param propertyLines the line of each of its properties
	 */
	record Entry(int line, JsonNode node, Map<String, Integer> propertyLines) {

		/** The line of a property, or of the entry when the property is missing. */
		int lineOf(String property) {
			return this.propertyLines.getOrDefault(property, this.line);
		}

	}

}
