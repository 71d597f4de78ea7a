package dev.migrator.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as the {@code migrator.*} properties take it: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h},
 * {@code 1d}, a bare number of milliseconds, or ISO-8601 such as {@code PT10M}. Negative durations are refused.
 */
final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ns|us|ms|s|m|h|d)?");

	@Override
	public Duration convert(String value) {
		String text = value.strip().toLowerCase(Locale.ROOT);
		Matcher simple = SIMPLE.matcher(text);
		if (simple.matches()) {
			long amount = Long.parseLong(simple.group(1));
			String unit = (simple.group(2) != null) ? simple.group(2) : "ms";
			return switch (unit) {
				case "ns" -> Duration.ofNanos(amount);
				case "us" -> Duration.ofNanos(amount * 1000);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.ofMillis(amount);
			};
		}
		try {
			Duration duration = Duration.parse(text.toUpperCase(Locale.ROOT));
			if (!duration.isNegative()) {
				return duration;
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		throw new TypeConversionException("'" + value + "' is not a duration: use 500ms, 10s, 5m, 1h or ISO-8601"
				+ " such as PT10M (0 for none)");
	}

}
