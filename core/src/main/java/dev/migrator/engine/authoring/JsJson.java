package dev.migrator.engine.authoring;

import java.math.BigDecimal;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Writes JSON as drizzle-kit does, with JavaScript's {@code JSON.stringify(value, null, 2)}: two spaces per level,
 * {@code "key": value}, empty objects and arrays as {@code {}} and {@code []}, keys in their order, no newline at the
 * end, and strings escaped as JavaScript escapes them (only quotes, backslashes, control characters and lone
 * surrogates). Numbers are JavaScript numbers (doubles): whole ones are written without a fraction.
 */
final class JsJson {

	private static final String INDENT = "  ";

	private static final double LARGEST_PLAIN = 1e21;

	private JsJson() {
	}

	static String stringify(JsonNode node) {
		StringBuilder out = new StringBuilder();
		write(node, "", out);
		return out.toString();
	}

	private static void write(JsonNode node, String indent, StringBuilder out) {
		if (node.isObject() || node.isArray()) {
			if (node.isEmpty()) {
				out.append(node.isObject() ? "{}" : "[]");
				return;
			}
			String inner = indent + INDENT;
			out.append(node.isObject() ? "{" : "[");
			boolean first = true;
			for (Map.Entry<String, JsonNode> property : node.isObject() ? node.properties()
					: node.valueStream().map((value) -> Map.entry("", value)).toList()) {
				out.append(first ? "\n" : ",\n").append(inner);
				if (node.isObject()) {
					string(property.getKey(), out);
					out.append(": ");
				}
				write(property.getValue(), inner, out);
				first = false;
			}
			out.append('\n').append(indent).append(node.isObject() ? '}' : ']');
		}
		else if (node.isString()) {
			string(node.stringValue(), out);
		}
		else if (node.isNumber()) {
			out.append(number(node));
		}
		else if (node.isBoolean()) {
			out.append(node.booleanValue());
		}
		else {
			out.append("null");
		}
	}

	/** A number as JavaScript prints the double it parses to: plain from 1e-6 up to 1e21, else with an exponent. */
	private static String number(JsonNode node) {
		double value = node.doubleValue();
		double magnitude = Math.abs(value);
		BigDecimal shortest = new BigDecimal(Double.toString(value));
		if (value == 0 || (magnitude >= 1e-6 && magnitude < LARGEST_PLAIN)) {
			String plain = shortest.stripTrailingZeros().toPlainString();
			return plain.equals("-0") ? "0" : plain;
		}
		String java = Double.toString(value);
		int exponent = java.indexOf('E');
		String mantissa = java.substring(0, exponent).replaceFirst("\\.0$", "");
		String power = java.substring(exponent + 1);
		return mantissa + "e" + (power.startsWith("-") ? power : "+" + power);
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					boolean loneHigh = Character.isHighSurrogate(c)
							&& (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)));
					boolean loneLow = Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
					if (c < 0x20 || loneHigh || loneLow) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
