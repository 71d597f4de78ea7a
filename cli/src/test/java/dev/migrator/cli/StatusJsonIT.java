package dev.migrator.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.HistoryStore;
import dev.migrator.testsupport.DrizzleFixture;
import dev.migrator.testsupport.Sql;
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

/**
 * {@code status --json} prints exactly what {@code /actuator/migrations} answers for the same database: the starter's
 * endpoint over real HTTP, and the jar, on one history with every state in it.
 */
class StatusJsonIT {

	private static final Path FIXTURE = DrizzleFixture.migrations();

	@TempDir
	Path dir;

	@Test
	void statusJsonEqualsTheEndpointBody() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("cli_json");
		try (Connection connection = db.connect()) {
			new HistoryStore("drizzle", "__drizzle_migrations").ensureExists(connection);
		}
		var drizzle = DrizzleRows.of(FIXTURE, 3);
		// 0000 applied, 0001 modified, 0002 applied, 0003 and 0004 pending, and a row no entry matches
		Sql.execute(db, "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('" + drizzle.get(0).get(0)
				+ "', " + drizzle.get(0).get(1) + "), ('0123abcd', " + drizzle.get(1).get(1) + "), ('"
				+ drizzle.get(2).get(0) + "', " + drizzle.get(2).get(1) + "), ('feedface', 1895640283747)");
		Sql.execute(db, "INSERT INTO drizzle.__drizzle_migrations (hash, created_at, applied_at) VALUES"
				+ " ('c0ffee', 1895640283748, NULL)");

		MigratorJar.Result status = MigratorJar.run(this.dir, Map.of("DATABASE_URL", MigratorJar.postgresUrl(db)),
				"status", "--json", "--dir", FIXTURE.toString());
		assertThat(status.exitCode()).as(status.toString()).isZero();

		String endpoint;
		String all;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApp.class)
			.properties("server.port=0", "migrator.mode=off", "migrator.location=file:" + FIXTURE,
					"management.endpoints.web.exposure.include=migrations")
			.properties(db.springDataSourceProperties().entrySet().stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new))
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<String> response = client.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/migrations/migrator"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			endpoint = response.body();
			all = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/migrations"))
				.build(), HttpResponse.BodyHandlers.ofString()).body();
		}
		JsonMapper json = JsonMapper.builder().build();
		JsonNode fromJar = json.readTree(status.out());
		// one migrator's report is exactly what status --json prints; the whole body lists it by bean name
		assertThat(fromJar).isEqualTo(json.readTree(endpoint));
		assertThat(json.readTree(all).get("migrators").get("migrator")).isEqualTo(fromJar);
		assertThat(fromJar.get("applied").asInt()).isEqualTo(3);
		assertThat(fromJar.get("modified").asInt()).isEqualTo(1);
		assertThat(fromJar.get("pending").asInt()).isEqualTo(2);
		assertThat(fromJar.get("unknown").asInt()).isEqualTo(2);
		assertThat(fromJar.get("migrations").get(1).get("appliedHash").stringValue()).isEqualTo("0123abcd");
		assertThat(fromJar.get("migrations").get(0).get("appliedAt").stringValue()).isNotBlank();
		assertThat(fromJar.get("migrations").get(6).has("appliedAt")).isFalse();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApp {

	}

}
