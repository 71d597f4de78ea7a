package dev.migrator.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/migrations} over real HTTP for a folder in Drizzle 1.0's layout: each migration by its folder. */
class MigrationsEndpointDrizzle1Tests {

	@TempDir
	Path dir;

	@Test
	void reportsEachMigrationByItsFolderNameAndTime() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("endpoint1");
		for (String folder : new String[] { "20250101000000_init", "20250102030405_more" }) {
			Files.createDirectories(this.dir.resolve(folder));
			Files.writeString(this.dir.resolve(folder).resolve("migration.sql"),
					"CREATE TABLE t_" + folder.substring(15) + " (id int);");
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApp.class)
			.properties("server.port=0", "spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.username(),
					"spring.datasource.password=" + db.password(), "migrator.location=file:" + this.dir,
					"management.endpoints.web.exposure.include=migrations")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/migrations/migrator"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode migrations = JsonMapper.builder().build().readTree(response.body()).get("migrations");
			assertThat(migrations.get(0).get("tag").stringValue()).isEqualTo("20250101000000_init");
			assertThat(migrations.get(0).get("when").asLong()).isEqualTo(1735689600000L);
			assertThat(migrations.get(1).get("tag").stringValue()).isEqualTo("20250102030405_more");
			assertThat(migrations.get(1).get("when").asLong()).isEqualTo(1735787045000L);
			assertThat(migrations.get(1).get("state").stringValue()).isEqualTo("APPLIED");
			assertThat(HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/migrations/migrator/20250102030405_more"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(200);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApp {

	}

}
