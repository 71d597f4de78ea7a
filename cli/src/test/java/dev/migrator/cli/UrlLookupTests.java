package dev.migrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Where the URL comes from, in order. The jar tests run the same through real processes. */
class UrlLookupTests {

	@TempDir
	Path dir;

	@Test
	void optionThenEnvironmentThenDotenv() throws Exception {
		Files.writeString(this.dir.resolve(".env"), "OTHER=1\nDATABASE_URL=postgres://from-file/app\n");
		Map<String, String> environment = Map.of("DATABASE_URL", "postgres://from-env/app");
		assertThat(UrlLookup.find("postgres://from-option/app", environment, this.dir))
			.isEqualTo(new UrlLookup.Found("postgres://from-option/app", "--url"));
		assertThat(UrlLookup.find(null, environment, this.dir).url()).isEqualTo("postgres://from-env/app");
		UrlLookup.Found fromFile = UrlLookup.find(null, Map.of(), this.dir);
		assertThat(fromFile.url()).isEqualTo("postgres://from-file/app");
		assertThat(fromFile.source()).isEqualTo("DATABASE_URL in " + this.dir.resolve(".env"));
	}

	@Test
	void rootEnvNamesAnotherFileRelativeToTheWorkingDirectory() throws Exception {
		Files.writeString(this.dir.resolve(".env"), "DATABASE_URL=postgres://wrong/app\n");
		Files.createDirectories(this.dir.resolve("config"));
		Files.writeString(this.dir.resolve("config/root.env"), "DATABASE_URL=\"postgres://right/app\"\n");
		assertThat(UrlLookup.find(null, Map.of("ROOT_ENV", "config/root.env"), this.dir).url())
			.isEqualTo("postgres://right/app");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> UrlLookup.find(null, Map.of("ROOT_ENV", "missing.env"), this.dir))
			.withMessageContaining(
					"ROOT_ENV names the dotenv file " + this.dir.resolve("missing.env") + ", which does not exist");
	}

	@Test
	void anEmptyUrlOptionIsAnErrorNotAReasonToLookElsewhere() throws Exception {
		Files.writeString(this.dir.resolve(".env"), "DATABASE_URL=postgres://other/app\n");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> UrlLookup.find("", Map.of("DATABASE_URL", "postgres://other/app"), this.dir))
			.withMessageStartingWith("--url is empty");
	}

	@Test
	void anEmptyDatabaseUrlVariableIsAnErrorAsNodeKeepsItOverTheDotenvFile() throws Exception {
		Files.writeString(this.dir.resolve(".env"), "DATABASE_URL=postgres://other/app\n");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> UrlLookup.find(null, Map.of("DATABASE_URL", ""), this.dir))
			.withMessageStartingWith("The DATABASE_URL environment variable is set but empty");
	}

	@Test
	void theDotenvFileIsReadAsNodesDotenvReadsIt() throws Exception {
		Files.writeString(this.dir.resolve(".env"),
				"\uFEFF# settings\r\nexport PORT=8080\r\nexport DATABASE_URL='postgres://u:p#w@from-file/app' # db\r\n");
		assertThat(UrlLookup.find(null, Map.of(), this.dir).url()).isEqualTo("postgres://u:p#w@from-file/app");
	}

	@Test
	void nothingFoundNamesEveryPlaceItLooked() throws Exception {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> UrlLookup.find(null, Map.of(), this.dir))
			.withMessage("No database URL: looked for the --url option, the DATABASE_URL environment variable and"
					+ " DATABASE_URL in " + this.dir.resolve(".env") + " (no such file) (set ROOT_ENV to read another"
					+ " dotenv file). Give one, such as --url postgres://user:password@localhost:5432/database");
		Files.writeString(this.dir.resolve(".env"), "PORT=8080\n");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> UrlLookup.find(null, Map.of(), this.dir))
			.withMessageContaining("DATABASE_URL in " + this.dir.resolve(".env") + " (set ROOT_ENV");
	}

}
