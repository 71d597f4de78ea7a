package dev.migrator.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The API and the actuator over real HTTP, on a migrated PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HoldingApiTests {

	private static final TestDatabase db = TestPostgres.newDatabase("api");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		db.springDataSourceProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> post(String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/holdings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private long holdings() {
		return this.jdbc.sql("SELECT count(*) FROM holdings").query(Long.class).single();
	}

	@Test
	void badInputGets400WithAMessagePerFieldAndWritesNothing() throws Exception {
		long before = holdings();
		HttpResponse<String> missing = post("{\"tokenId\":1,\"owner\":\" \",\"quantity\":-3}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("\"owner\":\"is required\"").contains("\"quantity\":\"must be greater than 0\"");
		HttpResponse<String> unknownToken = post("{\"tokenId\":999,\"owner\":\"ada\",\"quantity\":1}");
		assertThat(unknownToken.statusCode()).isEqualTo(400);
		assertThat(unknownToken.body()).contains("\"tokenId\":\"no token has id 999\"");
		HttpResponse<String> notJson = post("quantity=1");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.body()).contains("must be a JSON object");
		assertThat(holdings()).isEqualTo(before);
	}

	@Test
	void goodInputIsStoredAndListed() throws Exception {
		HttpResponse<String> created = post("{\"tokenId\":2,\"owner\":\"grace\",\"quantity\":\"0.25\",\"notes\":\"ledger\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).contains("\"symbol\":\"USDC\"").contains("\"createdSource\":\"api\"");
		assertThat(get("/holdings").body()).contains("\"owner\":\"grace\"");
	}

	@Test
	void actuatorShowsEveryMigrationAppliedAndHealthUp() throws Exception {
		HttpResponse<String> migrations = get("/actuator/migrations");
		assertThat(migrations.statusCode()).isEqualTo(200);
		assertThat(migrations.body()).contains("\"applied\":8,\"pending\":0")
			.contains("\"tag\":\"0006_add_market_segment_to_tokens\"")
			.doesNotContain("\"state\":\"PENDING\"");
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"migrations\":{\"details\":{\"applied\":8");
	}

}
