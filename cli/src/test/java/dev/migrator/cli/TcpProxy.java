package dev.migrator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 between a runner and PostgreSQL, so a test can break the connection mid-run.
 *
 * <p>{@link #cut()} closes every connection on both sides, as a reset or a restarted middlebox does: both ends see
 * it at once. {@link #freeze()} stops passing bytes but keeps the sockets open, as a network that silently drops
 * packets does: the runner hears nothing, and only a timeout of its own ends its wait; when it gives up and closes
 * its side, the proxy closes the server's side too. New connections are always passed.
 */
final class TcpProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean frozen;

	private TcpProxy(ServerSocket listener, int targetPort) {
		this.listener = listener;
		this.targetPort = targetPort;
	}

	/** Starts a proxy to a port on 127.0.0.1. */
	static TcpProxy to(int targetPort) throws IOException {
		TcpProxy proxy = new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
		Thread accept = new Thread(proxy::accept, "proxy-accept");
		accept.setDaemon(true);
		accept.start();
		return proxy;
	}

	/** The port the proxy listens on. */
	int port() {
		return this.listener.getLocalPort();
	}

	/** Closes every open connection, on both sides. */
	void cut() {
		this.sockets.forEach(TcpProxy::closeQuietly);
	}

	/** From now on passes no byte of the open connections either way. */
	void freeze() {
		this.frozen = true;
	}

	@Override
	public void close() {
		closeQuietly(this.listener);
		cut();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.addAll(List.of(client, server));
				this.frozen = false;
				pump(client, server, "proxy-up");
				pump(server, client, "proxy-down");
			}
			catch (IOException ex) {
				// the listener was closed, or PostgreSQL refused: the runner sees its connection fail
			}
		}
	}

	private void pump(Socket from, Socket to, String name) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					if (!this.frozen) {
						out.write(buffer, 0, read);
						out.flush();
					}
				}
			}
			catch (IOException ex) {
				// one side went away
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// closing is all that was asked
		}
	}

}
