package dev.migrator.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Option values as the {@code migrator.*} properties take them, and the masking of passwords in usage errors. */
class OptionsTests {

	private final DurationConverter durations = new DurationConverter();

	@Test
	void durationsInThePropertiesFormats() {
		assertThat(this.durations.convert("10m")).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.durations.convert("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.durations.convert("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(this.durations.convert("250")).isEqualTo(Duration.ofMillis(250));
		assertThat(this.durations.convert("0")).isZero();
		assertThat(this.durations.convert("PT1H")).isEqualTo(Duration.ofHours(1));
		assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> this.durations.convert("-5s"))
			.withMessageContaining("is not a duration");
		assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> this.durations.convert("soon"));
	}

	@Test
	void passwordsInArgumentsAreMaskedInWhatIsEchoed() {
		String[] args = { "migrate", "--pasword", "hunter2", "--url", "postgres://app:s3cret@db/app" };
		assertThat(Failures.mask("Unknown options: '--pasword', 'hunter2', 'postgres://app:s3cret@db/app'", args))
			.isEqualTo("Unknown options: '--pasword', '****', 'postgres://app:****@db/app'");
		assertThat(Failures.mask("bad 'x1'", new String[] { "--password=x1" })).isEqualTo("bad '****'");
	}

}
