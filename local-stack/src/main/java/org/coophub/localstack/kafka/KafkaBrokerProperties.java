package org.coophub.localstack.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of the single-node KRaft broker. It mirrors what the services expect
 * from any cluster: no auto-created topics (they create theirs explicitly), three
 * partitions by default, and internal topics that fit one node.
 */
final class KafkaBrokerProperties {

	private static final int NODE_ID = 1;

	private KafkaBrokerProperties() {
	}

	/**
	 * @param logDirectory where the broker keeps metadata and records
	 * @param port the client port
	 * @param controllerPort the KRaft controller port
	 * @return the broker's configuration
	 */
	static Properties of(Path logDirectory, int port, int controllerPort) {
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", String.valueOf(NODE_ID));
		// A static voter set: unlike a dynamic quorum it is not stored in the metadata
		// log,
		// so a data directory stays usable when the controller port changes between runs.
		properties.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("log.dirs", logDirectory.toString());
		properties.put("auto.create.topics.enable", "false");
		properties.put("num.partitions", "3");
		properties.put("default.replication.factor", "1");
		properties.put("min.insync.replicas", "1");
		properties.put("offsets.topic.replication.factor", "1");
		// 10 instead of 50: the first consumer group of a fresh stack waits for these
		// partitions to be created, and one local node gains nothing from more.
		properties.put("offsets.topic.num.partitions", "10");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("transaction.state.log.num.partitions", "10");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		// The log cleaner (for compacted internal topics) allocates this buffer up front:
		// the default 128 MiB would be taken from the heap of every test JVM.
		properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
		properties.put("num.network.threads", "2");
		properties.put("num.io.threads", "4");
		return properties;
	}

}
