package dev.migrator.engine.check;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.migrator.engine.MigrationSource;
import dev.migrator.engine.Policy;
import dev.migrator.testsupport.DrizzleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** One folder per rule of {@link Check} that breaks it, and clean folders that pass. */
class CheckTests {

	/** drizzle-kit's journal layout: entry i starts on line 5 + 7i, its idx one line below, when three, tag four. */
	private static final long WHEN = 1795640223747L;

	private static final Instant NOW = Instant.ofEpochMilli(WHEN).plus(Duration.ofDays(30));

	@TempDir
	Path dir;

	private final List<String> entries = new ArrayList<>();

	@Test
	void drizzleKitFoldersOfBothLayoutsPass() {
		for (DrizzleProject project : List.of(DrizzleProject.V0, DrizzleProject.V1)) {
			CheckReport report = Check.folder(MigrationSource.of("file:" + project.migrations(), null), Policy.DEFAULT,
					NOW);
			assertThat(report.findings()).as(project.migrations().toString()).isEmpty();
			assertThat(report.passed()).isTrue();
		}
	}

	@Test
	void missingFileIsReportedAtItsJournalEntryAndTheNextFilesAreStillRead() throws Exception {
		entry(0, WHEN, "0000_init", "CREATE TABLE a (id int);");
		entry(1, WHEN + 1000, "0001_gone", null);
		entry(2, WHEN + 2000, "0002_bad", "SELECT 'never closed;");
		CheckReport report = check(Policy.DEFAULT);
		assertThat(report.findings()).extracting(CheckFinding::rule, CheckFinding::file, CheckFinding::line)
			.containsExactly(tuple("file-missing", "meta/_journal.json", 12),
					tuple("unclosed-quote-or-comment", "0002_bad.sql", 1));
		assertThat(report.findings().get(0).message())
			.contains("meta/_journal.json entry idx 1 (tag \"0001_gone\") has no file 0001_gone.sql");
		assertThat(report.findings().get(0).fix()).contains("Restore 0001_gone.sql");
		assertThat(report.passed()).isFalse();
	}

	@Test
	void unjournaledFileWithTheNextFreeNumberIsAnErrorAndALeftoverOnlyWarns() throws Exception {
		entry(0, WHEN, "0000_init", "CREATE TABLE a (id int);");
		write("0000_init_old.sql", "CREATE TABLE old (id int);");
		write("0001_forgotten.sql", "CREATE TABLE f (id int);");
		CheckReport report = check(Policy.DEFAULT);
		assertThat(report.findings()).extracting(CheckFinding::rule, CheckFinding::severity, CheckFinding::file)
			.containsExactly(tuple("leftover-file", Severity.WARN, "0000_init_old.sql"),
					tuple("unjournaled-file", Severity.ERROR, "0001_forgotten.sql"));
		assertThat(report.findings().get(0).message()).contains("its number belongs to the journaled 0000_init.sql");
		assertThat(report.findings().get(1).fix()).contains("Add it to meta/_journal.json");
		assertThat(report.passed()).isFalse();

		Files.delete(this.dir.resolve("0001_forgotten.sql"));
		CheckReport leftoverOnly = check(Policy.DEFAULT);
		assertThat(leftoverOnly.passed()).isTrue();
		assertThat(leftoverOnly.warnings()).isEqualTo(1);
		assertThat(check(Policy.STRICT).findings()).extracting(CheckFinding::rule, CheckFinding::severity)
			.containsExactly(tuple("unjournaled-file", Severity.ERROR));
	}

	@Test
	void duplicateWhenPointsAtTheSecondEntry() throws Exception {
		entry(0, WHEN, "0000_a", "SELECT 1;");
		entry(1, WHEN, "0001_b", "SELECT 2;");
		assertThat(check(Policy.DEFAULT).findings()).extracting(CheckFinding::rule, CheckFinding::file, CheckFinding::line)
			.containsExactly(tuple("journal-duplicate", "meta/_journal.json", 12));
	}

	@Test
	void malformedJournalNamesTheLineOfTheSyntaxError() throws Exception {
		write("meta/_journal.json", "{\n  \"version\": \"7\",\n  \"entries\": [\n    {\"idx\": 0,,}\n  ]\n}");
		assertThat(check(Policy.DEFAULT).findings()).extracting(CheckFinding::rule, CheckFinding::file, CheckFinding::line)
			.containsExactly(tuple("journal-malformed", "meta/_journal.json", 4));
	}

	@Test
	void fileThatIsNotUtf8NamesItsLine() throws Exception {
		entry(0, WHEN, "0000_latin1", null);
		Files.write(this.dir.resolve("0000_latin1.sql"), "SELECT 1;\nSELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(check(Policy.DEFAULT).findings()).extracting(CheckFinding::rule, CheckFinding::file, CheckFinding::line)
			.containsExactly(tuple("not-utf8", "0000_latin1.sql", 2));
	}

	@Test
	void unclosedDollarQuoteNamesTheLineWhereItOpens() throws Exception {
		entry(0, WHEN, "0000_fn", "SELECT 1;\n--> statement-breakpoint\nCREATE FUNCTION f() RETURNS int AS $body$\n SELECT 1;");
		assertThat(check(Policy.DEFAULT).findings()).extracting(CheckFinding::rule, CheckFinding::file, CheckFinding::line)
			.containsExactly(tuple("unclosed-quote-or-comment", "0000_fn.sql", 3));
	}

	@Test
	void idxOutOfOrderPointsAtItsIdx() throws Exception {
		entry(0, WHEN, "0000_a", "SELECT 1;");
		entry(2, WHEN + 1000, "0001_b", "SELECT 2;");
		assertThat(check(Policy.DEFAULT).findings()).extracting(CheckFinding::rule, CheckFinding::file, CheckFinding::line)
			.containsExactly(tuple("idx-order", "meta/_journal.json", 13));
	}

	@Test
	void whenNotIncreasingPointsAtTheYoungerEntrysWhen() throws Exception {
		entry(0, WHEN, "0000_a", "SELECT 1;");
		entry(1, WHEN + 5000, "0001_b", "SELECT 2;");
		entry(2, WHEN + 1000, "0002_c", "SELECT 3;");
		CheckReport report = check(Policy.DEFAULT);
		assertThat(report.findings()).extracting(CheckFinding::rule, CheckFinding::file, CheckFinding::line)
			.containsExactly(tuple("when-order", "meta/_journal.json", 22));
		assertThat(report.findings().get(0).message()).contains("would skip 0002_c on a database that has 0001_b");
	}

	@Test
	void whenMoreThanADayAheadIsAnErrorAndLessIsNot() throws Exception {
		entry(0, NOW.plus(Duration.ofHours(20)).toEpochMilli(), "0000_a", "SELECT 1;");
		entry(1, NOW.plus(Duration.ofDays(3)).toEpochMilli(), "0001_b", "SELECT 2;");
		assertThat(check(Policy.DEFAULT).findings()).extracting(CheckFinding::rule, CheckFinding::file, CheckFinding::line)
			.containsExactly(tuple("when-future", "meta/_journal.json", 15));
	}

	@Test
	void tagsMustBeANumberAndANameAsDrizzleKitWritesThem() throws Exception {
		entry(0, WHEN, "0000_init", "SELECT 1;");
		entry(1, WHEN + 1000, "0001_add users", "SELECT 2;");
		entry(2, WHEN + 2000, "add_posts", "SELECT 3;");
		// drizzle-kit generate --name=createUsers / --name=add-posts, and its timestamp and unix prefixes
		entry(3, WHEN + 3000, "0003_createUsers", "SELECT 4;");
		entry(4, WHEN + 4000, "0004_add-posts", "SELECT 5;");
		entry(5, WHEN + 5000, "20261127183201_create_tags", "SELECT 6;");
		entry(6, WHEN + 6000, "1764268321_create_likes", "SELECT 7;");
		assertThat(check(Policy.DEFAULT).findings()).extracting(CheckFinding::rule, CheckFinding::line)
			.containsExactly(tuple("tag-format", 16), tuple("tag-format", 23));
	}

	@Test
	void concurrentIndexInsideTheTransactionNamesItsLine() throws Exception {
		entry(0, WHEN, "0000_mixed", "CREATE TABLE t (id int);\n--> statement-breakpoint\nCREATE INDEX CONCURRENTLY t_id ON t (id);");
		entry(1, WHEN + 1000, "0001_alone", "CREATE INDEX CONCURRENTLY t_id2 ON t (id);");
		entry(2, WHEN + 2000, "0002_committed", "CREATE TABLE u (id int);\nCOMMIT;\nCREATE INDEX CONCURRENTLY u_id ON u (id);");
		assertThat(check(Policy.DEFAULT).findings()).extracting(CheckFinding::rule, CheckFinding::file, CheckFinding::line)
			.containsExactly(tuple("mixed-transaction", "0000_mixed.sql", 3));
	}

	@Test
	void aFileOfOnlyCommentsIsAWarningWithoutADatabaseForDrizzleMayHaveAppliedItAndOneOver16MibAnError()
			throws Exception {
		entry(0, WHEN, "0000_init", "CREATE TABLE t (id int);");
		entry(1, WHEN + 1000, "0001_fill_me", "-- Custom SQL migration file, put your code below! --\n\n/* later */\n");
		entry(2, WHEN + 2000, "0002_load", "INSERT INTO t VALUES (1);\n" + " ".repeat(17 * 1024 * 1024));
		assertThat(check(Policy.DEFAULT).findings())
			.extracting(CheckFinding::rule, CheckFinding::severity, CheckFinding::file, CheckFinding::line)
			.containsExactlyInAnyOrder(tuple("empty-migration", Severity.WARN, "0001_fill_me.sql", 1),
					tuple("file-too-large", Severity.ERROR, "0002_load.sql", 1));
	}

	@Test
	void psqlOnlyStatementsAreErrorsNamingTheirLines() throws Exception {
		entry(0, WHEN, "0000_copy", "CREATE TABLE c (id int);\nCOPY c FROM STDIN;\nCOPY (SELECT 1) TO STDOUT;");
		entry(1, WHEN + 1000, "0001_include", "\\i 0000_copy.sql\n;");
		entry(2, WHEN + 2000, "0002_server_file", "COPY c FROM '/var/lib/data.csv';");
		assertThat(check(Policy.DEFAULT).findings()).extracting(CheckFinding::rule, CheckFinding::file, CheckFinding::line)
			.containsExactly(tuple("psql-only", "0000_copy.sql", 2), tuple("psql-only", "0000_copy.sql", 3),
					tuple("psql-only", "0001_include.sql", 1));
	}

	@Test
	void bothLayoutsAtOnceIsTheOneFinding() throws Exception {
		entry(0, WHEN, "0000_a", "SELECT 1;");
		write("20250101120000_b/migration.sql", "SELECT 2;");
		assertThat(check(Policy.DEFAULT).findings()).extracting(CheckFinding::rule, CheckFinding::file)
			.containsExactly(tuple("layout-conflict", "."));
	}

	@Test
	void drizzle1StraysAndFolderNames() throws Exception {
		write("20250101120000_init/migration.sql", "SELECT 1;");
		write("20250101120001_add users/migration.sql", "SELECT 2;");
		write("20250101120003_createUsers/migration.sql", "SELECT 4;");
		write("20250101120002_notes/snapshot.json", "{}");
		write("loose.sql", "SELECT 3;");
		assertThat(check(Policy.DEFAULT).findings()).extracting(CheckFinding::rule, CheckFinding::severity, CheckFinding::file)
			.containsExactly(tuple("tag-format", Severity.ERROR, "20250101120001_add users/migration.sql"),
					tuple("stray-file", Severity.ERROR, "20250101120002_notes/"),
					tuple("stray-file", Severity.ERROR, "loose.sql"));
	}

	private CheckReport check(Policy policy) {
		return Check.folder(MigrationSource.of("file:" + this.dir, null), policy, NOW);
	}

	/** Adds an entry to a journal written as drizzle-kit writes it, and its file unless {@code sql} is null. */
	private void entry(int idx, long when, String tag, String sql) throws Exception {
		this.entries.add("    {\n      \"idx\": " + idx + ",\n      \"version\": \"7\",\n      \"when\": " + when
				+ ",\n      \"tag\": \"" + tag + "\",\n      \"breakpoints\": true\n    }");
		write("meta/_journal.json", "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [\n"
				+ String.join(",\n", this.entries) + "\n  ]\n}");
		if (sql != null) {
			write(tag + ".sql", sql);
		}
	}

	private void write(String file, String text) throws Exception {
		Path path = this.dir.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, text);
	}

}
