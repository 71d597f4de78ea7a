package dev.migrator.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketOption;

import javax.net.SocketFactory;

import jdk.net.ExtendedSocketOptions;

/**
 * The sockets of the command line's connection: TCP keepalive probes after {@value #IDLE_SECONDS} s of silence,
 * every {@value #INTERVAL_SECONDS} s, {@value #COUNT} times. A network that dies without a word (a crashed NAT, a
 * pulled cable) then ends the run within about a minute, even in the middle of a long statement, when the operating
 * system's defaults (two hours of silence first) would keep it waiting. The driver still turns keepalive on or off
 * by its {@code tcpKeepAlive} setting; this only sets the timing, where the platform allows it.
 *
 * <p>Named in the driver's {@code socketFactory} property, so it is public with a public no-argument constructor.
 */
public final class KeepAliveSocketFactory extends SocketFactory {

	static final int IDLE_SECONDS = 30;

	static final int INTERVAL_SECONDS = 10;

	static final int COUNT = 3;

	@Override
	public Socket createSocket() throws IOException {
		Socket socket = new Socket();
		set(socket, ExtendedSocketOptions.TCP_KEEPIDLE, IDLE_SECONDS);
		set(socket, ExtendedSocketOptions.TCP_KEEPINTERVAL, INTERVAL_SECONDS);
		set(socket, ExtendedSocketOptions.TCP_KEEPCOUNT, COUNT);
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		Socket socket = createSocket();
		socket.bind(new InetSocketAddress(localHost, localPort));
		socket.connect(new InetSocketAddress(host, port));
		return socket;
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		Socket socket = createSocket();
		socket.bind(new InetSocketAddress(localAddress, localPort));
		socket.connect(new InetSocketAddress(address, port));
		return socket;
	}

	private Socket connected(InetSocketAddress address) throws IOException {
		Socket socket = createSocket();
		socket.connect(address);
		return socket;
	}

	private static void set(Socket socket, SocketOption<Integer> option, int value) throws IOException {
		if (socket.supportedOptions().contains(option)) {
			socket.setOption(option, value);
		}
	}

}
