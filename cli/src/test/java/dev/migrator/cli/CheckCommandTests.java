package dev.migrator.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import dev.migrator.engine.authoring.NewMigration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrator check} in this JVM, one folder per rule: exit 1 and the rule, file and line in the output; a clean
 * folder and one with only a leftover exit 0. The folders start as {@code migrator new} writes them, so entry 1 of
 * the journal starts on line 12, its idx is on line 13, its when on 15 and its tag on 16.
 */
class CheckCommandTests {

	private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

	@TempDir
	Path dir;

	private Path journal;

	@BeforeEach
	void twoMigrations() throws Exception {
		NewMigration.create(this.dir, "create_a", FIRST);
		NewMigration.create(this.dir, "create_b", FIRST.plusSeconds(1));
		append("0000_create_a.sql", "\nCREATE TABLE a (id int);");
		append("0001_create_b.sql", "\nCREATE TABLE b (id int);");
		this.journal = this.dir.resolve("meta/_journal.json");
	}

	@Test
	void aCleanFolderExitsZero() {
		Result result = check();
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("0 error(s), 0 warning(s) in " + this.dir + "\n");
	}

	@Test
	void aLeftoverOnlyWarnsAndExitsZero() throws Exception {
		Files.writeString(this.dir.resolve("0001_create_b_old.sql"), "SELECT 1;");
		Result result = check();
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("warn[leftover-file] " + this.dir.resolve("0001_create_b_old.sql") + ":1: ");
	}

	@Test
	void anUnfilledFileOnlyWarnsWithoutADatabaseForDrizzleMayHaveAppliedIt() throws Exception {
		write("0001_create_b.sql", "-- Custom SQL migration file, put your code below! --\n");
		Result result = check();
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("warn[empty-migration] " + this.dir.resolve("0001_create_b.sql") + ":1: ");
	}

	static Stream<Arguments> brokenFolders() {
		long first = FIRST.toEpochMilli();
		return Stream.of(Arguments.of("file-missing", "meta/_journal.json:12", (Breaker) (c) -> c.delete("0001_create_b.sql")),
				Arguments.of("unjournaled-file", "0002_forgotten.sql:1",
						(Breaker) (c) -> c.write("0002_forgotten.sql", "SELECT 1;")),
				Arguments.of("journal-duplicate", "meta/_journal.json:12",
						(Breaker) (c) -> c.journal(Long.toString(first + 1000), Long.toString(first))),
				Arguments.of("journal-malformed", "meta/_journal.json:4",
						(Breaker) (c) -> c.journal("\"entries\": [", "\"entries\": [,")),
				Arguments.of("not-utf8", "0001_create_b.sql:2", (Breaker) (c) -> Files.write(c.dir.resolve("0001_create_b.sql"),
						"SELECT 1;\nSELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1))),
				Arguments.of("unclosed-quote-or-comment", "0001_create_b.sql:3",
						(Breaker) (c) -> c.write("0001_create_b.sql", "SELECT 1;\n\nSELECT $$never")),
				Arguments.of("unclosed-quote-or-comment", "0001_create_b.sql:2",
						(Breaker) (c) -> c.write("0001_create_b.sql", "SELECT 1;\nSELECT 'never;")),
				Arguments.of("unclosed-quote-or-comment", "0001_create_b.sql:1",
						(Breaker) (c) -> c.write("0001_create_b.sql", "/* outer /* inner */\nSELECT 1;")),
				Arguments.of("idx-order", "meta/_journal.json:13", (Breaker) (c) -> c.journal("\"idx\": 1", "\"idx\": 5")),
				Arguments.of("when-order", "meta/_journal.json:15",
						(Breaker) (c) -> c.journal(Long.toString(first + 1000), Long.toString(first - 1000))),
				Arguments.of("when-future", "meta/_journal.json:15", (Breaker) (c) -> c.journal(Long.toString(first + 1000),
						Long.toString(Instant.now().plus(Duration.ofDays(3)).toEpochMilli()))),
				Arguments.of("tag-format", "meta/_journal.json:16", (Breaker) (c) -> {
					c.journal("0001_create_b", "0001_create b");
					Files.move(c.dir.resolve("0001_create_b.sql"), c.dir.resolve("0001_create b.sql"));
				}), Arguments.of("mixed-transaction", "0001_create_b.sql:3", (Breaker) (c) -> c.write("0001_create_b.sql",
						"CREATE TABLE b (id int);\n--> statement-breakpoint\nCREATE INDEX CONCURRENTLY b_id ON b (id);")),
				Arguments.of("psql-only", "0001_create_b.sql:2",
						(Breaker) (c) -> c.write("0001_create_b.sql", "CREATE TABLE b (id int);\n\\i seed.sql\n;")));
	}

	@ParameterizedTest(name = "{0} at {1}")
	@MethodSource("brokenFolders")
	void aFolderThatBreaksARuleExitsOneNamingRuleFileAndLine(String rule, String fileAndLine, Breaker breaker)
			throws Exception {
		breaker.breakIt(this);
		Result result = check();
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.out()).contains("error[" + rule + "] " + this.dir + "/" + fileAndLine + ": ")
			.contains("  fix: ")
			.contains(" error(s), ");
	}

	private Result check(String... options) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		String[] args = Stream.concat(Stream.of("check", "--dir", this.dir.toString()), Stream.of(options))
			.toArray(String[]::new);
		int exitCode = MigratorCli.execute(new PrintWriter(out), new PrintWriter(err), args);
		return new Result(exitCode, out.toString(), err.toString());
	}

	private void journal(String from, String to) throws Exception {
		String text = Files.readString(this.journal);
		assertThat(text).contains(from);
		Files.writeString(this.journal, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
	}

	private void write(String file, String text) throws Exception {
		Files.writeString(this.dir.resolve(file), text);
	}

	private void append(String file, String text) throws Exception {
		Files.writeString(this.dir.resolve(file), text, java.nio.file.StandardOpenOption.APPEND);
	}

	private void delete(String file) throws Exception {
		Files.delete(this.dir.resolve(file));
	}

	/** Breaks one rule in the folder. */
	@FunctionalInterface
	interface Breaker {

		void breakIt(CheckCommandTests folder) throws Exception;

	}

	private record Result(int exitCode, String out, String err) {
	}

}
