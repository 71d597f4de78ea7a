package dev.migrator.cli;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's sockets probe a silent peer after 30 s, every 10 s, 3 times; the driver connects through them. */
class KeepAliveSocketFactoryTests {

	@Test
	void socketsCarryTheKeepaliveTiming() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket socket = new KeepAliveSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
						server.getLocalPort())) {
			assertThat(socket.isConnected()).isTrue();
			if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
				assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(30);
				assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).isEqualTo(10);
				assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT)).isEqualTo(3);
			}
		}
	}

	@Test
	void theDriverConnectsThroughItWithTheCommandLinesProperties() throws Exception {
		TestDatabase db = TestPostgres.newDatabase("keepalive");
		JdbcTarget target = JdbcTarget.of(DatabaseUrl.parse(db.url(), "the test"), db.username(), db.password(),
				SslChoice.of(DatabaseUrl.parse(db.url(), "the test"), null));
		assertThat(target.properties()).containsEntry("socketFactory", KeepAliveSocketFactory.class.getName())
			.containsEntry("tcpKeepAlive", "true");
		try (Connection connection = DriverManager.getConnection(target.url(), target.properties());
				ResultSet rs = connection.createStatement().executeQuery("SELECT current_setting('application_name')")) {
			rs.next();
			assertThat(rs.getString(1)).isEqualTo("migrator");
		}
	}

}
