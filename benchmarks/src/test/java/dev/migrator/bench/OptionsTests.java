package dev.migrator.bench;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTests {

	private static final Path WORK = Path.of("/tmp/bench-work");

	@Test
	void defaultsAreTheFullRun() {
		Options options = Options.parse(new String[0], WORK);
		assertThat(options.sizes()).containsExactly(100, 1000, 3000);
		assertThat(options.repetitions()).isEqualTo(5);
		assertThat(options.startupRepetitions()).isEqualTo(15);
		assertThat(options.startupSize()).isEqualTo(1000);
		assertThat(options.largestSize()).isEqualTo(3000);
	}

	@Test
	void quickIsTwoSizesAndThreeRepetitions() {
		Options options = Options.parse(new String[] { "--quick" }, WORK);
		assertThat(options.sizes()).containsExactly(100, 1000);
		assertThat(options.repetitions()).isEqualTo(3);
		assertThat(options.startupRepetitions()).isEqualTo(9);
		assertThat(Options.parse(new String[] { "--repetitions=2", "--startup-repetitions=4" }, WORK)
			.startupRepetitions()).isEqualTo(4);
	}

	@Test
	void startupUsesTheLargestSizeWithout1000() {
		Options options = Options.parse(new String[] { "--sizes=50,200", "--seed=3", "--warm-calls=4" }, WORK);
		assertThat(options.sizes()).isEqualTo(List.of(50, 200));
		assertThat(options.startupSize()).isEqualTo(200);
		assertThat(options.seed()).isEqualTo(3);
		assertThat(options.warmCalls()).isEqualTo(4);
	}

	@Test
	void wrongOptionsAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--fast" }, WORK))
			.withMessage("Unknown option --fast");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--repetitions=x" }, WORK))
			.withMessageContaining("--repetitions=x needs a number");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--sizes=0" }, WORK))
			.withMessageContaining("1 or more");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Options.parse(new String[] { "--startup-repetitions=0" }, WORK))
			.withMessageContaining("1 or more");
	}

}
