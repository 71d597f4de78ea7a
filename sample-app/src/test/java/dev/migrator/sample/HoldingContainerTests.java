package dev.migrator.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app on a PostgreSQL container: {@code @ServiceConnection} gives Spring Boot the container's connection details,
 * the starter migrates it at startup, and the endpoint reports it. Skipped (with the reason) where Docker is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Testcontainers(disabledWithoutDocker = true)
class HoldingContainerTests {

	@Container
	@ServiceConnection
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:18-alpine");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesTheContainerAndTheEndpointReportsIt() throws Exception {
		assertThat(this.jdbc.sql("SELECT count(*) FROM drizzle.__drizzle_migrations").query(Long.class).single())
			.isEqualTo(8);
		assertThat(this.jdbc.sql("SELECT symbol FROM tokens ORDER BY id").query(String.class).list())
			.containsExactly("ETH", "USDC", "SOL");
		HttpResponse<String> migrations = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/migrations")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(migrations.statusCode()).isEqualTo(200);
		assertThat(migrations.body()).contains("\"applied\":8,\"pending\":0")
			.contains("\"tag\":\"0007_backfill_market_segment\"");
	}

}
