package dev.migrator.engine;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The journal's JSON reader: values, escapes and numbers, and errors that name the line and column. */
class JsonReaderTests {

	@Test
	@SuppressWarnings("unchecked")
	void readsObjectsArraysStringsNumbersAndLiterals() {
		Object value = JsonReader.read("\uFEFF{\n  \"a\": [1, -0, 2.5, 1e3, 123456789012345678901234, 0, 123456789012345678,"
				+ " 1234567890123456789, 1700000000000],\n"
				+ "  \"s\": \"tab\\there \\\"q\\\" \\u00e9\\/\",\n  \"t\": true, \"f\": false, \"n\": null, \"o\": {}\n}\n");
		assertThat(value).isInstanceOf(Map.class);
		Map<?, ?> object = (Map<?, ?>) value;
		assertThat((List<Object>) object.get("a")).containsExactly(1L, 0L, new BigDecimal("2.5"), new BigDecimal("1e3"),
				new BigDecimal("123456789012345678901234"), 0L, 123456789012345678L, new BigDecimal("1234567890123456789"),
				1700000000000L);
		assertThat(JsonReader.read(" 5")).isEqualTo(5L);
		assertThat(JsonReader.read("1700000000000")).isEqualTo(1700000000000L);
		assertThat(object.get("s")).isEqualTo("tab\there \"q\" \u00e9/");
		assertThat(object.get("t")).isEqualTo(Boolean.TRUE);
		assertThat(object.get("f")).isEqualTo(Boolean.FALSE);
		assertThat(object.get("n")).isSameAs(JsonReader.NULL);
		assertThat((Map<?, ?>) object.get("o")).isEmpty();
	}

	@Test
	void objectsKeepTheirMembersInOrderAndARepeatedNameTakesTheLaterValue() {
		Map<String, Object> object = object("{\"b\": 1, \"a\\u0062\": 2, \"a\": 3, \"b\": 4, \"\u00e9\": 5,"
				+ " \"a\\\"q\": 6}");
		assertThat(object).containsExactly(entry("b", 4L), entry("ab", 2L), entry("a", 3L), entry("\u00e9", 5L),
				entry("a\"q", 6L));
		assertThat(object).isEqualTo(Map.of("b", 4L, "ab", 2L, "a", 3L, "\u00e9", 5L, "a\"q", 6L));
		assertThat(object.get("c")).isNull();
		assertThat(object.containsKey("a")).isTrue();
		assertThat(object.containsKey(7)).isFalse();
		// the names of the entries of an array are the same strings, each object its own values
		List<?> entries = (List<?>) JsonReader.read("[{\"tag\": \"x\", \"when\": 1}, {\"when\": 2, \"tag\": \"y\"}]");
		Map<String, Object> first = cast(entries.get(0));
		Map<String, Object> second = cast(entries.get(1));
		assertThat(first).containsExactly(entry("tag", "x"), entry("when", 1L));
		assertThat(second).containsExactly(entry("when", 2L), entry("tag", "y"));
		assertThat(second.keySet().iterator().next()).isSameAs(first.keySet().toArray()[1]);
		Map<String, Object> many = new LinkedHashMap<>();
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < 20; i++) {
			json.append(i > 0 ? ", " : "").append("\"m").append(i).append("\": ").append(i);
			many.put("m" + i, (long) i);
		}
		assertThat(object(json.append("}").toString())).containsExactlyEntriesOf(many);
	}

	@Test
	void aLargeObjectKeepsOrderAndRepeatedNamesOnceItsNamesAreIndexed() {
		// past 16 members the names are looked up in an index: a name written again, before and after that point,
		// still keeps its first place and takes its later value
		StringBuilder json = new StringBuilder("{");
		Map<String, Object> expected = new LinkedHashMap<>();
		for (int i = 0; i < 40; i++) {
			json.append(i > 0 ? ", " : "").append("\"m").append(i).append("\": ").append(i);
			expected.put("m" + i, (long) i);
			if (i == 10 || i == 30) {
				json.append(", \"m3\": ").append(100 + i);
				expected.put("m3", (long) (100 + i));
			}
		}
		json.append(", \"m39\": \"last\", \"m16\": true}");
		expected.put("m39", "last");
		expected.put("m16", Boolean.TRUE);
		Map<String, Object> object = object(json.toString());
		assertThat(object).containsExactlyEntriesOf(expected);
		assertThat(object.get("m3")).isEqualTo(130L);
		assertThat(object.get("m17")).isEqualTo(17L);
		assertThat(object.get("m40")).isNull();
		assertThat(object.containsKey(3)).isFalse();
		assertThat(object).hasSize(40);
	}

	private static Map<String, Object> object(String json) {
		return cast(JsonReader.read(json));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@Test
	void errorsNameLineAndColumn() {
		assertError("{\"a\": tru}", "line 1:7: unexpected 't'");
		assertError("{\"a\":\n  \"open}", "line 2:3: a string that is never closed");
		assertError("[\"\\u12x4\"]", "line 1:5: a \\u escape needs four hex digits");
		assertError("[\"\\q\"]", "line 1:4: an unknown escape \\q");
		assertError("[01]", "line 1:2: a malformed number 01");
		assertError("[1-2]", "line 1:2: a malformed number 1-2");
		assertError("[12e]", "line 1:2: a malformed number 12e");
		assertError("[12+]", "line 1:2: a malformed number 12+");
		assertError("[12x]", "line 1:4: expected ']' but found 'x'");
		assertError("[-]", "line 1:2: a malformed number -");
		assertError("[1] x", "line 1:5: unexpected 'x' after the end of the JSON value");
		assertError("[1, 2", "line 1:6: expected ']' but the text ends");
		assertError("{\"a\" 1}", "line 1:6: expected ':' but found '1'");
		assertError("{\"a\": 1, \"open", "line 1:10: a string that is never closed");
		assertError("{\"a\tb\": 1}", "line 1:4: a control character inside a string");
	}

	private static void assertError(String json, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonReader.read(json)).withMessage("at " + message);
	}

}
