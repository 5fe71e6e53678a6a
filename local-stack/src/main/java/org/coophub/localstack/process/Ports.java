package org.coophub.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Port helpers. Port 0 means "any free port"; it is resolved once, up front, so that a
 * component restarted later (a broker outage in a test) comes back on the same port and
 * its clients reconnect.
 */
public final class Ports {

	private static final int FIRST_CHOSEN = 20000;

	private static final int LAST_CHOSEN = 32000;

	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	private Ports() {
	}

	public static int resolve(int port) {
		return (port != 0) ? port : freePort();
	}

	/**
	 * A free port below the kernel's ephemeral range (Linux: 32768 and up), so that no
	 * outgoing connection of a running process takes it between this choice and the
	 * component's bind (a port picked by binding port 0 comes from that very range: CI
	 * once lost a service start to it). Never the same port twice in this JVM.
	 */
	public static int freePort() {
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = FIRST_CHOSEN + ThreadLocalRandom.current().nextInt(LAST_CHOSEN - FIRST_CHOSEN);
			if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
				return port;
			}
		}
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on the loopback interface", ex);
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
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
