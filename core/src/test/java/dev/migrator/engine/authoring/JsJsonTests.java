package dev.migrator.engine.authoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migrator.testsupport.DrizzleProject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsJsonTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void everyJsonFileDrizzleKitWroteComesOutByteForByte() throws Exception {
		List<Path> folders = List.of(DrizzleProject.V0.migrations(), DrizzleProject.V1.migrations(),
				DrizzleProject.V0.project().resolve("../../../../sample-app/src/main/resources/db/migrations").normalize());
		int compared = 0;
		for (Path folder : folders) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".json")).toList()) {
					String written = Files.readString(file);
					assertThat(JsJson.stringify(MAPPER.readTree(written))).as(file.toString()).isEqualTo(written);
					compared++;
				}
			}
		}
		assertThat(compared).isGreaterThanOrEqualTo(20);
	}

	@Test
	void stringsAndNumbersAsJavaScriptWritesThem() {
		String json = "{\"s\":\"a\\\"b\\\\c\\n\\u0001\\u2028\\ud800é\",\"n\":[1.0,0.5,1e21,1e-7,-0.0,12345678.5],\"e\":{},\"a\":[]}";
		assertThat(JsJson.stringify(MAPPER.readTree(json))).isEqualTo("""
				{
				  "s": "a\\"b\\\\c\\n\\u0001\u2028\\ud800é",
				  "n": [
				    1,
				    0.5,
				    1e+21,
				    1e-7,
				    0,
				    12345678.5
				  ],
				  "e": {},
				  "a": []
				}""");
	}

}
