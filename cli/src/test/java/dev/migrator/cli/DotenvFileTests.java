package dev.migrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Dotenv files as Node.js's dotenv 16.6.1 reads them: each expected value here is what its {@code dotenv.parse} gave
 * for the same text ({@code \n} in a row stands for a line break, {@code <BOM>} for a byte-order mark). (Outside the
 * build, 48 such cases and 3000 random ones were compared with {@code dotenv.parse} itself; all agreed.)
 */
class DotenvFileTests {

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "<none>", commentCharacter = '!', textBlock = """
			DATABASE_URL=postgres://a/b\\n                              | postgres://a/b
			export DATABASE_URL=postgres://a/b\\n                       | postgres://a/b
			export   DATABASE_URL = 'postgres://a:p#w@h/b'\\n            | postgres://a:p#w@h/b
			DATABASE_URL="postgres://a/b" # comment\\n                  | postgres://a/b
			DATABASE_URL=`postgres://a/b`\\n                            | postgres://a/b
			<BOM>DATABASE_URL=postgres://bom/b\\r\\nX=1\\r\\n            | postgres://bom/b
			DATABASE_URL=postgres://a:pw#x@h/b\\n                       | postgres://a:pw
			DATABASE_URL = postgres://spaced/b   \\n                    | postgres://spaced/b
			DATABASE_URL: postgres://colon/b\\n                         | postgres://colon/b
			DATABASE_URL:postgres://no-blank/b\\n                       | <none>
			DATABASE_URL=first\\nDATABASE_URL=second\\n                 | second
			# comment\\n\\n  DATABASE_URL=indented\\n                    | indented
			DATABASE_URL="unclosed\\nNEXT=1\\n                          | "unclosed
			DATABASE_URL="a" b\\n                                       | "a" b
			junk line here\\nDATABASE_URL=after-junk\\n                 | after-junk
			DATABASE_URL=x\\rOTHER=y\\r                                 | x
			exportDATABASE_URL=nope\\nDATABASE_URL=yes\\n               | yes
			DATABASE_URL="a"#c\\n                                       | a
			DATABASE_URL='  padded  '\\n                                | '  padded  '
			OTHER="x\\nDATABASE_URL=inside"\\nDATABASE_URL=real\\n      | real
			PORT=8080\\n                                                | <none>
			DATABASE_URL\\n=next-line-equals\\n                         | next-line-equals
			DATABASE_URL : spaced-colon\\n                             | <none>
			DATABASE_URL='x' 'y'\\n                                    | x' 'y
			DATABASE_URL=a#b\\n                                        | a
			""")
	void readsWhatNodesDotenvReads(String text, String expected) {
		String value = DotenvFile.parse(unescape(text), "DATABASE_URL");
		assertThat(value).isEqualTo((expected != null && expected.startsWith("'")) ? expected.substring(1,
				expected.length() - 1) : expected);
	}

	@Test
	void quotedValuesSpanLinesAndDoubleQuotesExpandLineBreaks() {
		assertThat(DotenvFile.parse("DATABASE_URL=\"multi\nline\"\n", "DATABASE_URL")).isEqualTo("multi\nline");
		assertThat(DotenvFile.parse("DATABASE_URL=\"esc\\nape\"\n", "DATABASE_URL")).isEqualTo("esc\nape");
		assertThat(DotenvFile.parse("DATABASE_URL='single\\nkept'\n", "DATABASE_URL")).isEqualTo("single\\nkept");
		assertThat(DotenvFile.parse("DATABASE_URL='it\\'s'\n", "DATABASE_URL")).isEqualTo("it\\'s");
		assertThat(DotenvFile.parse("DATABASE_URL=\n", "DATABASE_URL")).isEmpty();
		// a quote escaped by a backslash may still end the value, where only that leaves nothing after it
		assertThat(DotenvFile.parse("DATABASE_URL='postgres://u:p\\\\'\n", "DATABASE_URL")).isEqualTo("postgres://u:p\\\\");
		assertThat(DotenvFile.parse("DATABASE_URL=\n'quoted next line'\n", "DATABASE_URL")).isEqualTo("quoted next line");
		assertThat(DotenvFile.parse("DATABASE_URL=value\u00a0\n", "DATABASE_URL")).isEqualTo("value");
	}

	@Test
	void aFileThatCannotBeReadIsAUsageErrorNamingIt() throws Exception {
		Path folder = Files.createDirectories(this.dir.resolve("not-a-file.env"));
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> DotenvFile.value(folder, "DATABASE_URL"))
			.withMessageStartingWith("Cannot read the dotenv file " + folder);
	}

	private static String unescape(String text) {
		return text.strip().replace("<BOM>", "\uFEFF").replace("\\n", "\n").replace("\\r", "\r");
	}

}
