package dev.migrator.engine;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A small strict JSON reader for {@code meta/_journal.json}: objects become {@code Map}s, arrays {@code List}s,
 * whole numbers {@code Long}s where they fit and other numbers {@code BigDecimal}s, {@code null} {@link #NULL}. It
 * exists because loading a general JSON library costs a cold JVM about a quarter of a second, several times what
 * reading and hashing a thousand migration files costs, and every application start pays it. Errors name the line
 * and column.
 */
final class JsonReader {

	/** JSON's {@code null}, told apart from a missing member. */
	static final Object NULL = new Object();

	/** The characters a number is read up to: what follows it is not part of it. */
	private static final String NUMBER_CHARACTERS = "0123456789.eE+-";

	/** The text as an array: a cold JVM reads an array element in one step, a String's char in several calls. */
	private final char[] text;

	private int at;

	/** Member names read so far, to be taken again ({@link #memberName()}). */
	private final String[] names = new String[16];

	private int nameCount;

	private JsonReader(String text) {
		this.text = text.toCharArray();
	}

	/**
	 * Reads one JSON value that fills the text.
	 * @throws IllegalArgumentException with {@code line L:C: what} when the text is not JSON
	 */
	static Object read(String text) {
		JsonReader reader = new JsonReader(text);
		reader.skipBlanks();
		if (reader.at < text.length() && text.charAt(reader.at) == '\uFEFF') {
			reader.at++;
		}
		Object value = reader.value();
		reader.skipBlanks();
		if (reader.at < text.length()) {
			throw reader.error("unexpected '" + text.charAt(reader.at) + "' after the end of the JSON value");
		}
		return value;
	}

	private Object value() {
		skipBlanks();
		if (this.at >= this.text.length) {
			throw error("the JSON value ends too early");
		}
		char c = this.text[this.at];
		return switch (c) {
			case '{' -> object();
			case '[' -> array();
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", NULL);
			default -> {
				if (c == '-' || (c >= '0' && c <= '9')) {
					yield number();
				}
				throw error("unexpected '" + c + "'");
			}
		};
	}

	private Map<String, Object> object() {
		Members members = new Members();
		this.at++;
		skipBlanks();
		if (peek() == '}') {
			this.at++;
			return members;
		}
		while (true) {
			skipBlanks();
			if (peek() != '"') {
				throw error("expected a member name in double quotes");
			}
			String name = memberName();
			skipBlanks();
			expect(':');
			members.add(name, value());
			skipBlanks();
			if (peek() == ',') {
				this.at++;
				continue;
			}
			expect('}');
			return members;
		}
	}

	private List<Object> array() {
		List<Object> values = new ArrayList<>();
		this.at++;
		skipBlanks();
		if (peek() == ']') {
			this.at++;
			return values;
		}
		while (true) {
			values.add(value());
			skipBlanks();
			if (peek() == ',') {
				this.at++;
				continue;
			}
			expect(']');
			return values;
		}
	}

	/**
	 * A member's name: the same few names repeat in every entry of a journal, so a name read before is taken again
	 * instead of a new string (which a map would hash) for each of the thousands of members.
	 */
	private String memberName() {
		int from = this.at + 1;
		int end = from;
		while (end < this.text.length && this.text[end] != '"' && this.text[end] != '\\' && this.text[end] >= 0x20) {
			end++;
		}
		if (end == this.text.length || this.text[end] != '"') {
			return string();
		}
		int length = end - from;
		for (int i = 0; i < this.nameCount; i++) {
			String name = this.names[i];
			if (name.length() == length && sameChars(name, from)) {
				this.at = end + 1;
				return name;
			}
		}
		String name = new String(this.text, from, length);
		if (this.nameCount < this.names.length) {
			this.names[this.nameCount++] = name;
		}
		this.at = end + 1;
		return name;
	}

	private boolean sameChars(String name, int from) {
		for (int i = 0; i < name.length(); i++) {
			if (this.text[from + i] != name.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private String string() {
		int start = this.at++;
		// most strings have no escapes: find the closing quote and take the slice
		for (int i = this.at; i < this.text.length; i++) {
			char c = this.text[i];
			if (c == '"') {
				this.at = i + 1;
				return new String(this.text, start + 1, i - start - 1);
			}
			if (c == '\\' || c < 0x20) {
				break;
			}
		}
		StringBuilder out = new StringBuilder();
		while (this.at < this.text.length) {
			char c = this.text[this.at++];
			if (c == '"') {
				return out.toString();
			}
			if (c == '\\') {
				out.append(escape());
			}
			else if (c < 0x20) {
				this.at--;
				throw error("a control character inside a string");
			}
			else {
				out.append(c);
			}
		}
		this.at = start;
		throw error("a string that is never closed");
	}

	private char escape() {
		char c = (this.at < this.text.length) ? this.text[this.at++] : '\0';
		return switch (c) {
			case '"', '\\', '/' -> c;
			case 'b' -> '\b';
			case 'f' -> '\f';
			case 'n' -> '\n';
			case 'r' -> '\r';
			case 't' -> '\t';
			case 'u' -> {
				if (this.at + 4 > this.text.length) {
					throw error("a \\u escape needs four hex digits");
				}
				try {
					this.at += 4;
					yield (char) Integer.parseInt(new String(this.text, this.at - 4, 4), 16);
				}
				catch (NumberFormatException ex) {
					this.at -= 4;
					throw error("a \\u escape needs four hex digits");
				}
			}
			default -> {
				this.at--;
				throw error("an unknown escape \\" + c);
			}
		};
	}

	/** A whole number as a {@code Long} where it fits (the journal's idx and when), any other as a {@code BigDecimal}. */
	private Number number() {
		Long plain = plainWhole();
		if (plain != null) {
			return plain;
		}
		int start = this.at;
		if (peek() == '-') {
			this.at++;
		}
		int digits = this.at;
		boolean whole = true;
		while (this.at < this.text.length && NUMBER_CHARACTERS.indexOf(this.text[this.at]) >= 0) {
			whole &= Character.isDigit(this.text[this.at]);
			this.at++;
		}
		String number = new String(this.text, start, this.at - start);
		boolean leadingZero = number.length() > digits - start + 1 && this.text[digits] == '0'
				&& Character.isDigit(this.text[digits + 1]);
		try {
			if (leadingZero || !Character.isDigit(this.text[digits])) {
				throw new NumberFormatException();
			}
			// BigDecimal's first use costs a cold JVM milliseconds, and a journal holds only whole numbers
			return (whole && this.at - digits <= 18) ? (Number) Long.valueOf(number) : new BigDecimal(number);
		}
		catch (NumberFormatException | IndexOutOfBoundsException ex) {
			this.at = start;
			throw error("a malformed number " + number);
		}
	}

	/**
	 * A number of 1 to 18 digits without sign, fraction or exponent, and no leading zero (the journal's idx and
	 * when), read in one pass; {@code null}, with nothing read, for any other.
	 */
	private Long plainWhole() {
		long value = 0;
		int i = this.at;
		int end = Math.min(this.text.length, this.at + 19);
		while (i < end && this.text[i] >= '0' && this.text[i] <= '9') {
			value = value * 10 + (this.text[i] - '0');
			i++;
		}
		int digits = i - this.at;
		boolean plain = digits > 0 && digits <= 18 && (digits == 1 || this.text[this.at] != '0')
				&& (i == this.text.length || NUMBER_CHARACTERS.indexOf(this.text[i]) < 0);
		if (!plain) {
			return null;
		}
		this.at = i;
		return value;
	}

	private boolean startsHere(String word) {
		if (this.at + word.length() > this.text.length) {
			return false;
		}
		for (int i = 0; i < word.length(); i++) {
			if (this.text[this.at + i] != word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private Object literal(String word, Object value) {
		if (!startsHere(word)) {
			throw error("unexpected '" + this.text[this.at] + "'");
		}
		this.at += word.length();
		return value;
	}

	private void expect(char c) {
		if (peek() != c) {
			throw error((this.at < this.text.length) ? "expected '" + c + "' but found '" + peek() + "'"
					: "expected '" + c + "' but the text ends");
		}
		this.at++;
	}

	private char peek() {
		return (this.at < this.text.length) ? this.text[this.at] : '\0';
	}

	private void skipBlanks() {
		int n = this.text.length;
		while (this.at < n) {
			char c = this.text[this.at];
			if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
				return;
			}
			this.at++;
		}
	}

	private IllegalArgumentException error(String what) {
		int line = 1;
		int column = 1;
		for (int i = 0; i < this.at && i < this.text.length; i++) {
			if (this.text[i] == '\n') {
				line++;
				column = 1;
			}
			else {
				column++;
			}
		}
		return new IllegalArgumentException("at line " + line + ":" + column + ": " + what);
	}

	/**
	 * An object's members in the order written, in two arrays rather than a hash map: a journal holds a thousand
	 * objects of five members each. A name written twice keeps its first place and its later value, as a map's
	 * {@code put} would. An object of more than {@value #SCANNED_UP_TO} members also gets an index of its names, so
	 * that a huge object (never a journal drizzle-kit writes) is not read in quadratic time.
	 */
	private static final class Members extends AbstractMap<String, Object> {

		/** Members up to which a name is looked up by a scan of the array; one more, and they are indexed. */
		static final int SCANNED_UP_TO = 16;

		private String[] names = new String[8];

		private Object[] values = new Object[8];

		private int size;

		/** Each name's place, once the object has more than {@link #SCANNED_UP_TO} members; else {@code null}. */
		private Map<String, Integer> index;

		void add(String name, Object value) {
			int at = indexOf(name);
			if (at >= 0) {
				this.values[at] = value;
				return;
			}
			if (this.size == this.names.length) {
				this.names = Arrays.copyOf(this.names, this.size * 2);
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.names[this.size] = name;
			this.values[this.size++] = value;
			if (this.size > SCANNED_UP_TO) {
				indexLast();
			}
		}

		/** Adds the newest name to the index, building the index first when the object has just outgrown the scan. */
		private void indexLast() {
			if (this.index == null) {
				this.index = new HashMap<>();
				for (int i = 0; i < this.size - 1; i++) {
					this.index.put(this.names[i], i);
				}
			}
			this.index.put(this.names[this.size - 1], this.size - 1);
		}

		@Override
		public Object get(Object key) {
			int at = indexOf(key);
			return (at >= 0) ? this.values[at] : null;
		}

		@Override
		public boolean containsKey(Object key) {
			return indexOf(key) >= 0;
		}

		@Override
		public int size() {
			return this.size;
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public Iterator<Entry<String, Object>> iterator() {
					return new Iterator<>() {

						private int next;

						@Override
						public boolean hasNext() {
							return this.next < Members.this.size;
						}

						@Override
						public Entry<String, Object> next() {
							if (!hasNext()) {
								throw new NoSuchElementException();
							}
							int at = this.next++;
							return new SimpleImmutableEntry<>(Members.this.names[at], Members.this.values[at]);
						}

					};
				}

				@Override
				public int size() {
					return Members.this.size;
				}

			};
		}

		private int indexOf(Object key) {
			if (this.index != null) {
				Integer at = this.index.get(key);
				return (at != null) ? at : -1;
			}
			for (int i = 0; i < this.size; i++) {
				if (this.names[i].equals(key)) {
					return i;
				}
			}
			return -1;
		}

	}

}
