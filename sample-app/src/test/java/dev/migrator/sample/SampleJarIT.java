package dev.migrator.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged jar as users do: the README's zero-setup start, and the one-shot migrate mode. */
class SampleJarIT {

	private static final Path JAR = Path.of("target/migrator-sample-app.jar");

	private static final int MIGRATIONS = 8;

	@TempDir
	Path dir;

	private static Process start(Path log, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", JAR.toAbsolutePath().toString()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static String[] datasource(TestDatabase db) {
		return Stream.of(db.springDataSourcePairs()).map((pair) -> "--" + pair).toArray(String[]::new);
	}

	private static String[] concat(String[] a, String... b) {
		return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
	}

	private static int finish(Process process) throws InterruptedException {
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process ended in time").isTrue();
		return process.exitValue();
	}

	private static long count(TestDatabase db, String sql) {
		return Long.parseLong(db.queryValue(sql));
	}

	@Test
	void readmeRunCommandStartsWithAnEmbeddedDatabaseAndTheSecondStartIsUpToDate() throws Exception {
		Path data = this.dir.resolve("pgdata");
		int port = freePort();
		Path firstLog = this.dir.resolve("first.log");
		Process first = start(firstLog, "--server.port=" + port, "--sample.postgres.data-dir=" + data);
		try {
			String health = waitForHealth(port, first, firstLog);
			assertThat(health).contains("\"status\":\"UP\"");
			String migrations = http(port, "/actuator/migrations").body();
			assertThat(migrations).contains("\"applied\":" + MIGRATIONS + ",\"pending\":0");
			assertThat(migrations.split("\"state\":\"APPLIED\"", -1)).hasSize(MIGRATIONS + 1);
		}
		finally {
			first.destroy();
			finish(first);
		}
		assertThat(Files.readString(firstLog)).contains("Applied " + MIGRATIONS + " migration(s)");
		Path secondLog = this.dir.resolve("second.log");
		Process second = start(secondLog, "--server.port=" + port, "--sample.postgres.data-dir=" + data);
		try {
			waitForHealth(port, second, secondLog);
		}
		finally {
			second.destroy();
			finish(second);
		}
		assertThat(Files.readString(secondLog)).contains("is up to date: " + MIGRATIONS + " applied")
			.doesNotContain("Applied migration");
	}

	@Test
	void oneShotModeOnAFreshDatabaseExitsZeroAndRecordsEveryMigration() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("oneshot");
		Path log = this.dir.resolve("oneshot.log");
		int exit = finish(start(log, concat(datasource(db), "--spring.profiles.active=migrate")));
		assertThat(exit).as(Files.readString(log)).isZero();
		assertThat(count(db, "SELECT count(*) FROM drizzle.__drizzle_migrations")).isEqualTo(MIGRATIONS);
		assertThat(Files.readString(log)).contains("Applied " + MIGRATIONS + " migration(s)").doesNotContain("Tomcat");
	}

	@Test
	void sixOneShotProcessesAtOnceEachSucceedAndEachMigrationIsRecordedOnce() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("sixshots");
		List<Process> processes = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			processes.add(start(this.dir.resolve("shot" + i + ".log"),
					concat(datasource(db), "--spring.profiles.active=migrate")));
		}
		for (int i = 0; i < 6; i++) {
			assertThat(finish(processes.get(i))).as(Files.readString(this.dir.resolve("shot" + i + ".log"))).isZero();
		}
		assertThat(count(db, "SELECT count(*) FROM drizzle.__drizzle_migrations")).isEqualTo(MIGRATIONS);
		assertThat(count(db, "SELECT count(DISTINCT created_at) FROM drizzle.__drizzle_migrations")).isEqualTo(MIGRATIONS);
	}

	@Test
	void brokenMigrationMakesOneShotExitOneNamingTheTag() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("broken");
		Path folder = copyOfSampleMigrations(this.dir.resolve("migrations"));
		Files.writeString(folder.resolve("0008_broken_view.sql"), "CREATE VIEW token_view AS SELECT no_such_column FROM tokens;");
		String journal = Files.readString(folder.resolve("meta/_journal.json"));
		int end = journal.lastIndexOf(']');
		Files.writeString(folder.resolve("meta/_journal.json"), journal.substring(0, end).stripTrailing()
				+ ",{\"idx\":8,\"version\":\"7\",\"when\":1895643040000,\"tag\":\"0008_broken_view\",\"breakpoints\":true}"
				+ journal.substring(end));
		Path log = this.dir.resolve("broken.log");
		int exit = finish(start(log, concat(datasource(db), "--spring.profiles.active=migrate",
				"--migrator.location=file:" + folder)));
		String output = Files.readString(log);
		assertThat(exit).as(output).isEqualTo(1);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Migration 0008_broken_view failed at statement 1 of 1 (line 1:1 of 0008_broken_view.sql, error at 1:34)")
			.contains("column \"no_such_column\" does not exist");
		assertThat(count(db, "SELECT count(*) FROM drizzle.__drizzle_migrations")).isEqualTo(MIGRATIONS);
	}

	private static Path copyOfSampleMigrations(Path target) throws IOException {
		Path source = Path.of("src/main/resources/db/migrations");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path to = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		return target;
	}

	private static String waitForHealth(int port, Process process, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as(() -> read(log)).isTrue();
			try {
				HttpResponse<String> response = http(port, "/actuator/health");
				if (response.statusCode() == 200) {
					return response.body();
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("No healthy app on port " + port + ":\n" + read(log));
	}

	private static HttpResponse<String> http(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
