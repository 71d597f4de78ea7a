package dev.migrator.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.HistoryStore;
import dev.migrator.engine.Migrator;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/migrations} and the {@code migrations} health over real HTTP, on an app started with
 * {@code migrator.mode=off} so each test shapes the history table itself; the endpoint reads it live.
 */
class MigrationsEndpointWebTests {

	private static final String PASSWORD = "s3cret-pw";

	private static final long WHEN_0 = 1795640223747L;

	private static final long WHEN_1 = 1795640283747L;

	private static TestDatabase db;

	private static ConfigurableApplicationContext context;

	private static int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		db = TestPostgres.newDatabase("endpoint");
		context = new SpringApplicationBuilder(WebApp.class)
			.properties("server.port=0", "spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.username(),
					"spring.datasource.password=" + PASSWORD, "migrator.mode=off",
					"management.endpoints.web.exposure.include=migrations,health",
					"management.endpoint.health.show-details=always")
			.run();
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode json(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.body()).doesNotContain(PASSWORD)
			.doesNotContain("jdbc:")
			.doesNotContain("CREATE TABLE")
			.doesNotContain("INSERT INTO");
		return JsonMapper.builder().build().readTree(response.body());
	}

	private static void resetHistory(String... rows) throws Exception {
		try (Connection connection = db.connect()) {
			new HistoryStore("drizzle", "__drizzle_migrations").ensureExists(connection);
		}
		Sql.execute(db, "DELETE FROM drizzle.__drizzle_migrations");
		for (String row : rows) {
			Sql.execute(db, "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES " + row);
		}
	}

	private static String hash(String tag) {
		return context.getBean(Migrator.class)
			.journal()
			.migrations()
			.stream()
			.filter((m) -> m.tag().equals(tag))
			.findFirst()
			.orElseThrow()
			.hash();
	}

	@Test
	void allAppliedAfterMigrate() throws Exception {
		resetHistory();
		Sql.execute(db, "DROP TABLE IF EXISTS widgets");
		context.getBean(Migrator.class).migrate();
		JsonNode body = json("/actuator/migrations");
		assertThat(body.get("location").stringValue()).isEqualTo("classpath:db/migrations");
		assertThat(body.get("table").stringValue()).isEqualTo("drizzle.__drizzle_migrations");
		assertThat(body.get("applied").asInt()).isEqualTo(2);
		assertThat(body.get("pending").asInt()).isZero();
		JsonNode first = body.get("migrations").get(0);
		assertThat(first.get("idx").asInt()).isZero();
		assertThat(first.get("tag").stringValue()).isEqualTo("0000_widgets");
		assertThat(first.get("when").asLong()).isEqualTo(WHEN_0);
		assertThat(first.get("hash").stringValue()).isEqualTo(hash("0000_widgets")).hasSize(64);
		assertThat(first.get("state").stringValue()).isEqualTo("APPLIED");
		assertThat(first.get("appliedAt").stringValue()).isNotBlank();
		assertThat(first.has("appliedHash")).isFalse();
		assertThat(body.get("migrations").get(1).get("state").stringValue()).isEqualTo("APPLIED");
		JsonNode health = json("/actuator/health/migrations");
		assertThat(health.get("status").stringValue()).isEqualTo("UP");
		assertThat(health.get("details").get("applied").asInt()).isEqualTo(2);
	}

	@Test
	void pendingWhenOnlySomeAreApplied() throws Exception {
		resetHistory("('" + hash("0000_widgets") + "', " + WHEN_0 + ")");
		JsonNode body = json("/actuator/migrations");
		assertThat(body.get("applied").asInt()).isEqualTo(1);
		assertThat(body.get("pending").asInt()).isEqualTo(1);
		JsonNode second = body.get("migrations").get(1);
		assertThat(second.get("tag").stringValue()).isEqualTo("0001_widget_rows");
		assertThat(second.get("state").stringValue()).isEqualTo("PENDING");
		assertThat(second.has("appliedAt")).isFalse();
		HttpResponse<String> health = get("/actuator/health/migrations");
		assertThat(health.statusCode()).isEqualTo(503);
		JsonNode details = JsonMapper.builder().build().readTree(health.body());
		assertThat(details.get("status").stringValue()).isEqualTo("DOWN");
		assertThat(details.get("details").get("pending").asInt()).isEqualTo(1);
		assertThat(details.get("details").get("applied").asInt()).isEqualTo(1);
	}

	@Test
	void modifiedShowsTheRecordedHash() throws Exception {
		resetHistory("('0123abcd', " + WHEN_0 + ")", "('" + hash("0001_widget_rows") + "', " + WHEN_1 + ")");
		JsonNode first = json("/actuator/migrations").get("migrations").get(0);
		assertThat(first.get("state").stringValue()).isEqualTo("MODIFIED");
		assertThat(first.get("hash").stringValue()).isEqualTo(hash("0000_widgets"));
		assertThat(first.get("appliedHash").stringValue()).isEqualTo("0123abcd");
		HttpResponse<String> health = get("/actuator/health/migrations");
		assertThat(health.statusCode()).isEqualTo(503);
		JsonNode details = JsonMapper.builder().build().readTree(health.body());
		assertThat(details.get("status").stringValue()).isEqualTo("DOWN");
		assertThat(details.get("details").get("modified").asInt()).isEqualTo(1);
	}

	@Test
	void unknownRowIsListedWithItsWhenAndHash() throws Exception {
		resetHistory("('" + hash("0000_widgets") + "', " + WHEN_0 + ")",
				"('" + hash("0001_widget_rows") + "', " + WHEN_1 + ")", "('feedface', 1895640283747)");
		JsonNode body = json("/actuator/migrations");
		assertThat(body.get("unknown").asInt()).isEqualTo(1);
		JsonNode unknown = body.get("migrations").get(2);
		assertThat(unknown.get("state").stringValue()).isEqualTo("UNKNOWN");
		assertThat(unknown.get("when").asLong()).isEqualTo(1895640283747L);
		assertThat(unknown.get("hash").stringValue()).isEqualTo("feedface");
		assertThat(unknown.has("tag")).isFalse();
		assertThat(json("/actuator/health/migrations").get("status").stringValue()).isEqualTo("UP");
	}

	@Test
	void singleTagRouteAnd404() throws Exception {
		resetHistory("('" + hash("0000_widgets") + "', " + WHEN_0 + ")");
		JsonNode one = json("/actuator/migrations/0001_widget_rows");
		assertThat(one.get("idx").asInt()).isEqualTo(1);
		assertThat(one.get("state").stringValue()).isEqualTo("PENDING");
		assertThat(json("/actuator/migrations/0000_widgets").get("state").stringValue()).isEqualTo("APPLIED");
		assertThat(get("/actuator/migrations/0009_nope").statusCode()).isEqualTo(404);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApp {

	}

}
