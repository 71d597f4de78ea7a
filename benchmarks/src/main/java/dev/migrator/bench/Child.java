package dev.migrator.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * One measurement in a JVM of its own, started by {@link ChildProcess}:
 * {@code child <mode> <tool> <jdbc url> <user> <input> <result file> [calls]}, the password in
 * {@value #PASSWORD_VARIABLE}. It writes what it measured to the result file as properties. Modes:
 * <ul>
 * <li>{@code apply}: a fresh data source, then the tool built ({@code buildMillis}) and run once
 * ({@code callMillis});</li>
 * <li>{@code check-cold}: a pool whose connections are open, then the tool built ({@code buildMillis}) and run once,
 * finding nothing to do ({@code callMillis});</li>
 * <li>{@code check-warm}: the same, then {@value #WARM_UP} untimed calls and up to {@code calls} timed ones on the
 * same tool object, within {@value #WARM_BUDGET_MILLIS} ms ({@code medianMillis});</li>
 * <li>{@code memory-apply}, {@code memory-check}: as {@code apply} and {@code check-cold}, under
 * {@link HeapWatch};</li>
 * <li>{@code connect}: one connection and {@code SELECT 1}, the least any tool's process does.</li>
 * </ul>
 */
final class Child {

	static final String PASSWORD_VARIABLE = "MIGRATOR_BENCH_CHILD_PASSWORD";

	static final int WARM_UP = 5;

	static final long WARM_BUDGET_MILLIS = 20_000;

	private Child() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		String url = args[2];
		String user = args[3];
		String password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
		Path input = Path.of(args[4]);
		Properties result = new Properties();
		if ("connect".equals(mode)) {
			try (Connection connection = DriverManager.getConnection(url, user, password);
					Statement statement = connection.createStatement()) {
				statement.execute("SELECT 1");
			}
		}
		else {
			JavaTool tool = JavaTool.named(args[1]);
			boolean pooled = mode.contains("check");
			DataSource dataSource = pooled ? Pools.open(url, user, password) : simple(url, user, password);
			switch (mode) {
				case "apply", "check-cold" -> once(tool, dataSource, input, result);
				case "check-warm" -> warm(tool, dataSource, input, Integer.parseInt(args[6]), result);
				case "memory-apply", "memory-check" -> memory(tool, dataSource, input, result);
				default -> throw new IllegalArgumentException("Unknown mode " + mode);
			}
		}
		try (OutputStream out = Files.newOutputStream(Path.of(args[5]))) {
			result.store(out, mode + " " + args[1]);
		}
		System.exit(0);
	}

	private static void once(JavaTool tool, DataSource dataSource, Path input, Properties result) throws Exception {
		long started = System.nanoTime();
		try (JavaTool.Session session = tool.open(dataSource, input)) {
			long built = System.nanoTime();
			session.run();
			long done = System.nanoTime();
			result.setProperty("buildMillis", Double.toString((built - started) / 1e6));
			result.setProperty("callMillis", Double.toString((done - built) / 1e6));
		}
	}

	private static void warm(JavaTool tool, DataSource dataSource, Path input, int calls, Properties result)
			throws Exception {
		try (JavaTool.Session session = tool.open(dataSource, input)) {
			for (int i = 0; i <= WARM_UP; i++) {
				session.run();
			}
			List<Double> samples = new ArrayList<>();
			long deadline = System.nanoTime() + WARM_BUDGET_MILLIS * 1_000_000;
			while (samples.size() < calls && (samples.size() < 5 || System.nanoTime() < deadline)) {
				long started = System.nanoTime();
				session.run();
				samples.add((System.nanoTime() - started) / 1e6);
			}
			result.setProperty("medianMillis", Double.toString(Samples.median(samples)));
			result.setProperty("calls", Integer.toString(samples.size()));
		}
	}

	private static void memory(JavaTool tool, DataSource dataSource, Path input, Properties result) throws Exception {
		HeapWatch.Measured measured = HeapWatch.measure(() -> {
			JavaTool.Session session = tool.open(dataSource, input);
			session.run();
			return session;
		});
		result.setProperty("baselineBytes", Long.toString(measured.baseline()));
		result.setProperty("peakBytes", Long.toString(measured.peak()));
		result.setProperty("retainedBytes", Long.toString(measured.retained()));
		result.setProperty("samples", Integer.toString(measured.samples()));
		result.setProperty("callMillis", Double.toString(measured.callMillis()));
	}

	private static DataSource simple(String url, String user, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(user);
		dataSource.setPassword(password);
		return dataSource;
	}

}
