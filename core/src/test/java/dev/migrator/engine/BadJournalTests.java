package dev.migrator.engine;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrator.engine.BadInput.entry;
import static dev.migrator.testsupport.MigrationsFolder.FIRST_WHEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue, journal part: each broken {@code meta/_journal.json} is refused with an error naming the
 * journal, the entry and what is wrong, before the database is touched ({@link BadInput} checks nothing was written).
 */
class BadJournalTests {

	@TempDir
	Path dir;

	private BadInput bad;

	@BeforeEach
	void oneMigrationApplied() {
		this.bad = BadInput.applied(this.dir);
		this.bad.folder.writeFile("0001_next.sql", "CREATE TABLE never (id int);");
	}

	@Test
	void journalThatIsNotJson() {
		this.bad.folder.writeFile("meta/_journal.json", "{\"version\":\"7\",\n\"entries\": [ {\"idx\":0,\"tag\": } ]}");
		assertThat(this.bad.refused(JournalException.class))
			.hasMessageStartingWith("meta/_journal.json in " + this.bad.folder.location() + " is malformed: at line 2:")
			.extracting(MigratorException::action).asString().contains("valid JSON in Drizzle Kit's format");
	}

	@Test
	void journalOfAnotherDialect() {
		this.bad.folder.writeFile("meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"mysql\",\"entries\":[]}");
		assertThat(this.bad.refused(JournalException.class))
			.hasMessageContaining("is malformed: its dialect is \"mysql\", and only postgresql is supported");
	}

	@Test
	void entriesThatAreNotAnArray() {
		this.bad.folder.writeFile("meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":{}}");
		assertThat(this.bad.refused(JournalException.class))
			.hasMessageContaining("is malformed: it must be an object with an \"entries\" array");
	}

	@Test
	void idxThatSkipsOne() {
		this.bad.journal(entry(2, FIRST_WHEN + 1000, "0001_next"));
		assertThat(this.bad.refused(JournalException.class))
			.hasMessageContaining("entry 1 of \"entries\" (tag \"0001_next\") has idx 2 but is entry 1")
			.hasMessageContaining("an entry was lost or two were given one number");
	}

	@Test
	void idxThatRepeats() {
		this.bad.folder.writeFile("0001_other.sql", "CREATE TABLE other (id int);");
		this.bad.journal(entry(1, FIRST_WHEN + 1000, "0001_next"), entry(1, FIRST_WHEN + 2000, "0001_other"));
		assertThat(this.bad.refused(JournalException.class))
			.hasMessageContaining("entry 2 of \"entries\" (tag \"0001_other\") has idx 1 but is entry 2")
			.extracting(MigratorException::action).asString().contains("number the entries 0, 1, 2");
	}

	@Test
	void negativeWhen() {
		this.bad.journal(entry(1, -5, "0001_next"));
		assertThat(this.bad.refused(JournalException.class)).hasMessageContaining(
				"entry 1 of \"entries\" (tag \"0001_next\") needs a \"when\": a whole, non-negative number of epoch"
						+ " milliseconds (was -5)");
	}

	@Test
	void whenThatIsNotAWholeNumberOrDoesNotFit() {
		// written as read: "1e3" is shown as the decimal it is, 1E+3
		String[][] cases = { { "1.0", "1.0" }, { "1e3", "1E+3" }, { "9223372036854775808", "9223372036854775808" },
				{ "-0.5", "-0.5" } };
		for (String[] when : cases) {
			this.bad.journal("{\"idx\":1,\"when\":" + when[0] + ",\"tag\":\"0001_next\"}");
			assertThat(this.bad.refused(JournalException.class)).as(when[0])
				.hasMessageContaining("(tag \"0001_next\") needs a \"when\"")
				.hasMessageContaining("(was " + when[1] + ")");
		}
	}

	@Test
	void wholeNumbersOfEveryLengthAreRead() {
		// up to 18 digits a number is read as a long, beyond as a decimal: both are whole
		for (long when : new long[] { FIRST_WHEN + 1000, 999_999_999_999_999_999L, Long.MAX_VALUE }) {
			this.bad.journal(entry(1, when, "0001_next"));
			Journal journal = Journal.read(MigrationSource.of(this.bad.folder.location(), null),
					Policy.OnUnjournaled.FAIL);
			assertThat(journal.migrations().get(1).entry().when()).isEqualTo(when);
		}
	}

	@Test
	void whenThatIsNotANumber() {
		this.bad.journal("{\"idx\":1,\"when\":\"yesterday\",\"tag\":\"0001_next\"}");
		assertThat(this.bad.refused(JournalException.class))
			.hasMessageContaining("(tag \"0001_next\") needs a \"when\"")
			.hasMessageContaining("(was \"yesterday\")");
	}

	@Test
	void tagWithASlash() {
		this.bad.journal(entry(1, FIRST_WHEN + 1000, "../0001_next"));
		assertThat(this.bad.refused(JournalException.class)).hasMessageContaining(
				"entry 1 of \"entries\" has the tag \"../0001_next\", which is not a plain file name");
	}

	@Test
	void tagThatClimbsOutWithDots() {
		this.bad.journal(entry(1, FIRST_WHEN + 1000, ".."));
		assertThat(this.bad.refused(JournalException.class))
			.hasMessageContaining("has the tag \"..\", which is not a plain file name")
			.hasMessageContaining("no '/', '\\', '..' or control characters");
	}

	@Test
	void tagWithANulCharacter() {
		this.bad.journal(entry(1, FIRST_WHEN + 1000, "0001_next\\u0000.sql"));
		assertThat(this.bad.refused(JournalException.class))
			.hasMessageContaining("has the tag \"0001_next\\u0000.sql\", which is not a plain file name");
	}

	@Test
	void entryWhoseFileIsMissing() {
		this.bad.journal(entry(1, FIRST_WHEN + 1000, "0001_gone"));
		assertThat(this.bad.refused(JournalException.class))
			.hasMessageContaining("meta/_journal.json entry idx 1 (tag \"0001_gone\") has no file 0001_gone.sql in "
					+ this.bad.folder.location())
			.extracting(MigratorException::action).asString().startsWith("Restore 0001_gone.sql");
	}

}
