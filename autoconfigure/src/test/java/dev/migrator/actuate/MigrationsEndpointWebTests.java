package dev.migrator.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;

import javax.sql.DataSource;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.HistoryStore;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.testsupport.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/migrations} and the {@code migrations} health over real HTTP, on an app with two databases: the
 * auto-configured {@code migrator} of the primary DataSource (with {@code migrator.on-modified=warn}) and the app's
 * own {@code auditMigrator}. It starts with {@code migrator.mode=off}, so each test shapes the history tables itself;
 * the endpoint reads them live.
 */
class MigrationsEndpointWebTests {

	private static final String PASSWORD = "s3cret-pw";

	private static final long WHEN_0 = 1795640223747L;

	private static final long WHEN_1 = 1795640283747L;

	private static final long AUDIT_WHEN_0 = 1795641223747L;

	private static TestDatabase db;

	private static TestDatabase audit;

	private static ConfigurableApplicationContext context;

	private static int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		db = TestPostgres.newDatabase("endpoint");
		audit = TestPostgres.newDatabase("endpointaudit");
		context = new SpringApplicationBuilder(WebApp.class)
			.properties("server.port=0", "spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.username(),
					"spring.datasource.password=" + PASSWORD, "audit.url=" + audit.url(),
					"audit.username=" + audit.username(), "migrator.mode=off", "migrator.on-modified=warn",
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
		return json(path, 200);
	}

	private JsonNode json(String path, int status) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(status);
		assertThat(response.body()).doesNotContain(PASSWORD)
			.doesNotContain("jdbc:")
			.doesNotContain("CREATE TABLE")
			.doesNotContain("INSERT INTO");
		return JsonMapper.builder().build().readTree(response.body());
	}

	private static void resetHistory(TestDatabase database, String... rows) throws Exception {
		try (Connection connection = database.connect()) {
			new HistoryStore("drizzle", "__drizzle_migrations").ensureExists(connection);
		}
		Sql.execute(database, "DELETE FROM drizzle.__drizzle_migrations");
		for (String row : rows) {
			Sql.execute(database, "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES " + row);
		}
	}

	private static String hash(String migrator, String tag) {
		return context.getBean(migrator, Migrator.class)
			.journal()
			.migrations()
			.stream()
			.filter((m) -> m.tag().equals(tag))
			.findFirst()
			.orElseThrow()
			.hash();
	}

	@Test
	void everyMigratorIsReportedByBeanName() throws Exception {
		resetHistory(db);
		resetHistory(audit);
		Sql.execute(db, "DROP TABLE IF EXISTS widgets");
		Sql.execute(audit, "DROP TABLE IF EXISTS audit_events");
		context.getBean("migrator", Migrator.class).migrate();
		context.getBean("auditMigrator", Migrator.class).migrate();
		JsonNode migrators = json("/actuator/migrations").get("migrators");
		assertThat(migrators.propertyNames()).containsExactly("auditMigrator", "migrator");
		JsonNode body = migrators.get("migrator");
		assertThat(body.propertyNames()).containsExactly("location", "table", "applied", "pending", "modified",
				"outOfOrder", "unknown", "migrations");
		assertThat(body.get("location").stringValue()).isEqualTo("classpath:db/migrations");
		assertThat(body.get("table").stringValue()).isEqualTo("drizzle.__drizzle_migrations");
		assertThat(body.get("applied").asInt()).isEqualTo(2);
		assertThat(body.get("pending").asInt()).isZero();
		JsonNode first = body.get("migrations").get(0);
		assertThat(first.get("idx").asInt()).isZero();
		assertThat(first.get("tag").stringValue()).isEqualTo("0000_widgets");
		assertThat(first.get("when").asLong()).isEqualTo(WHEN_0);
		assertThat(first.get("hash").stringValue()).isEqualTo(hash("migrator", "0000_widgets")).hasSize(64);
		assertThat(first.get("state").stringValue()).isEqualTo("APPLIED");
		assertThat(first.get("appliedAt").stringValue()).isNotBlank();
		assertThat(first.has("appliedHash")).isFalse();
		assertThat(body.get("migrations").get(1).get("state").stringValue()).isEqualTo("APPLIED");
		JsonNode auditBody = migrators.get("auditMigrator");
		assertThat(auditBody.get("location").stringValue()).isEqualTo("classpath:db/audit");
		assertThat(auditBody.get("applied").asInt()).isEqualTo(1);
		assertThat(auditBody.get("migrations").get(0).get("tag").stringValue()).isEqualTo("0000_audit_events");
		assertThat(json("/actuator/migrations/auditMigrator")).isEqualTo(auditBody);
		JsonNode health = json("/actuator/health/migrations");
		assertThat(health.get("status").stringValue()).isEqualTo("UP");
		assertThat(health.get("components").propertyNames()).containsExactlyInAnyOrder("auditMigrator", "migrator");
		assertThat(health.get("components").get("migrator").get("details").get("applied").asInt()).isEqualTo(2);
		assertThat(health.get("components").get("auditMigrator").get("details").get("applied").asInt()).isEqualTo(1);
	}

	@Test
	void pendingWhenOnlySomeAreApplied() throws Exception {
		resetHistory(db, "('" + hash("migrator", "0000_widgets") + "', " + WHEN_0 + ")");
		JsonNode body = json("/actuator/migrations/migrator");
		assertThat(body.get("applied").asInt()).isEqualTo(1);
		assertThat(body.get("pending").asInt()).isEqualTo(1);
		JsonNode second = body.get("migrations").get(1);
		assertThat(second.get("tag").stringValue()).isEqualTo("0001_widget_rows");
		assertThat(second.get("state").stringValue()).isEqualTo("PENDING");
		assertThat(second.has("appliedAt")).isFalse();
		JsonNode health = json("/actuator/health/migrations/migrator", 503);
		assertThat(health.get("status").stringValue()).isEqualTo("DOWN");
		assertThat(health.get("details").get("pending").asInt()).isEqualTo(1);
		assertThat(health.get("details").get("applied").asInt()).isEqualTo(1);
		assertThat(json("/actuator/health/migrations", 503).get("status").stringValue()).isEqualTo("DOWN");
	}

	@Test
	void modifiedThatThePolicyToleratesIsUpWithTheCount() throws Exception {
		resetHistory(db, "('0123abcd', " + WHEN_0 + ")", "('" + hash("migrator", "0001_widget_rows") + "', " + WHEN_1 + ")");
		JsonNode first = json("/actuator/migrations/migrator").get("migrations").get(0);
		assertThat(first.get("state").stringValue()).isEqualTo("MODIFIED");
		assertThat(first.get("hash").stringValue()).isEqualTo(hash("migrator", "0000_widgets"));
		assertThat(first.get("appliedHash").stringValue()).isEqualTo("0123abcd");
		JsonNode health = json("/actuator/health/migrations/migrator");
		assertThat(health.get("status").stringValue()).isEqualTo("UP");
		assertThat(health.get("details").get("modified").asInt()).isEqualTo(1);
		assertThat(health.get("details").get("applied").asInt()).isEqualTo(2);
	}

	@Test
	void modifiedThatThePolicyRefusesIsDown() throws Exception {
		resetHistory(audit, "('0123abcd', " + AUDIT_WHEN_0 + ")");
		JsonNode health = json("/actuator/health/migrations/auditMigrator", 503);
		assertThat(health.get("status").stringValue()).isEqualTo("DOWN");
		assertThat(health.get("details").get("modified").asInt()).isEqualTo(1);
	}

	@Test
	void unknownRowIsListedWithItsWhenAndHash() throws Exception {
		resetHistory(db, "('" + hash("migrator", "0000_widgets") + "', " + WHEN_0 + ")",
				"('" + hash("migrator", "0001_widget_rows") + "', " + WHEN_1 + ")", "('feedface', 1895640283747)");
		JsonNode body = json("/actuator/migrations/migrator");
		assertThat(body.get("unknown").asInt()).isEqualTo(1);
		JsonNode unknown = body.get("migrations").get(2);
		assertThat(unknown.get("state").stringValue()).isEqualTo("UNKNOWN");
		assertThat(unknown.get("when").asLong()).isEqualTo(1895640283747L);
		assertThat(unknown.get("hash").stringValue()).isEqualTo("feedface");
		assertThat(unknown.has("tag")).isFalse();
		assertThat(json("/actuator/health/migrations/migrator").get("status").stringValue()).isEqualTo("UP");
	}

	@Test
	void singleMigrationRouteAnd404() throws Exception {
		resetHistory(db, "('" + hash("migrator", "0000_widgets") + "', " + WHEN_0 + ")");
		JsonNode one = json("/actuator/migrations/migrator/0001_widget_rows");
		assertThat(one.get("idx").asInt()).isEqualTo(1);
		assertThat(one.get("state").stringValue()).isEqualTo("PENDING");
		assertThat(json("/actuator/migrations/migrator/0000_widgets").get("state").stringValue()).isEqualTo("APPLIED");
		assertThat(json("/actuator/migrations/auditMigrator/0000_audit_events").get("tag").stringValue())
			.isEqualTo("0000_audit_events");
		assertThat(get("/actuator/migrations/migrator/0009_nope").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/migrations/auditMigrator/0000_widgets").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/migrations/nope").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/migrations/nope/0000_widgets").statusCode()).isEqualTo(404);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApp {

		@Bean
		@Primary
		DataSource dataSource(Environment environment) {
			return dataSource(environment, "spring.datasource");
		}

		@Bean
		DataSource auditDataSource(Environment environment) {
			return dataSource(environment, "audit");
		}

		@Bean
		Migrator auditMigrator(@Qualifier("auditDataSource") DataSource auditDataSource) {
			return new Migrator(auditDataSource, MigratorSettings.defaults("classpath:db/audit"),
					getClass().getClassLoader());
		}

		private static DataSource dataSource(Environment environment, String prefix) {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(environment.getProperty(prefix + ".url"));
			dataSource.setUser(environment.getProperty(prefix + ".username"));
			dataSource.setPassword(environment.getProperty(prefix + ".password"));
			return dataSource;
		}

	}

}
