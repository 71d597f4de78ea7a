package dev.migrator.cli;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** How the options and the environment combine into the driver's properties. */
class ConnectionOptionsTests {

	@TempDir
	Path dir;

	@Test
	void pgpasswordGivesThePasswordTheUrlAndOptionsLeaveOut() {
		Map<String, String> environment = Map.of("PGPASSWORD", "from-env");
		assertThat(password(options("postgres://app@localhost/app", null), environment)).isEqualTo("from-env");
		assertThat(password(options("postgres://app:in-url@localhost/app", null), environment)).isEqualTo("in-url");
		assertThat(password(options("postgres://app@localhost/app", "option"), environment)).isEqualTo("option");
		assertThat(password(options("postgres://app@localhost/app", null), Map.of("PGPASSWORD", ""))).isNull();
	}

	private String password(ConnectionOptions options, Map<String, String> environment) {
		return options.resolve(environment, this.dir).target().properties().getProperty("password");
	}

	private static ConnectionOptions options(String url, String password) {
		ConnectionOptions options = new ConnectionOptions();
		options.url = url;
		options.password = password;
		return options;
	}

}
