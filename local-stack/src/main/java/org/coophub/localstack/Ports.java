package org.coophub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Port helpers. Port 0 means "any free port"; it is resolved once, up front, so that a
 * component restarted later (a broker outage in a test) comes back on the same port and
 * its clients reconnect.
 */
public final class Ports {

	private Ports() {
	}

	public static int resolve(int port) {
		return (port != 0) ? port : freePort();
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on the loopback interface", ex);
		}
	}

	/**
	 * Fails early with a message a person understands, instead of a bind error deep
	 * inside Kafka or Netty.
	 */
	public static void requireFree(int port, String usedFor) {
		try {
			new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Port " + port + " (" + usedFor
							+ ") is already in use: is another local stack running? Stop it or choose other ports.",
					ex);
		}
	}

}
