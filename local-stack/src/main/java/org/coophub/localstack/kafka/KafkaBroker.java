package org.coophub.localstack.kafka;

import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.coophub.localstack.logging.QuietLogging;
import org.coophub.localstack.process.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node)
 * running inside this JVM, on 127.0.0.1.
 * <p>
 * The log directory is formatted on first start and reused afterwards, so topics and
 * records survive a restart. {@link #stop()} and {@link #start()} may be called
 * repeatedly: each start runs a new {@link KafkaRaftServer} on the same ports and data.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private final Path logDirectory;

	private final int port;

	private final int controllerPort;

	private KafkaRaftServer server;

	/**
	 * @param logDirectory where the broker keeps metadata and records
	 * @param port the client port, 0 for a free one
	 * @param controllerPort the KRaft controller port, 0 for a free one
	 */
	public KafkaBroker(Path logDirectory, int port, int controllerPort) {
		this.logDirectory = logDirectory.toAbsolutePath();
		this.port = Ports.resolve(port);
		this.controllerPort = Ports.resolve(controllerPort);
	}

	/** A broker on free ports, as tests need. */
	public static KafkaBroker onFreePorts(Path logDirectory) {
		return new KafkaBroker(logDirectory, 0, 0);
	}

	public synchronized KafkaBroker start() {
		if (this.server != null) {
			return this;
		}
		QuietLogging.apply();
		Properties properties = KafkaBrokerProperties.of(this.logDirectory, this.port, this.controllerPort);
		KafkaStorage.formatIfNew(this.logDirectory, properties);
		KafkaRaftServer newServer = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		try {
			newServer.startup();
		}
		catch (RuntimeException ex) {
			newServer.shutdown();
			newServer.awaitShutdown();
			throw ex;
		}
		this.server = newServer;
		log.info("Kafka broker listening on {} (controller port {}, data in {})", bootstrapServers(),
				this.controllerPort, this.logDirectory);
		return this;
	}

	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		this.server.shutdown();
		this.server.awaitShutdown();
		this.server = null;
		log.info("Kafka broker on {} stopped", bootstrapServers());
	}

	@Override
	public void close() {
		stop();
	}

	public synchronized boolean isRunning() {
		return this.server != null;
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	public int controllerPort() {
		return this.controllerPort;
	}

	public Path logDirectory() {
		return this.logDirectory;
	}

}
