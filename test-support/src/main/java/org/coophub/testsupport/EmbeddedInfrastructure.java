package org.coophub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.coophub.localstack.kafka.KafkaBroker;
import org.coophub.localstack.mongo.MongoWireServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's servers inside the test JVM, where no Docker engine runs: a real
 * Kafka broker (KRaft) in a temporary folder and mongo-java-server in memory, on free
 * ports.
 */
final class EmbeddedInfrastructure implements Infrastructure {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

	private final Path kafkaDirectory;

	private final KafkaBroker kafka;

	private final MongoWireServer mongo;

	private EmbeddedInfrastructure(Path kafkaDirectory, KafkaBroker kafka, MongoWireServer mongo) {
		this.kafkaDirectory = kafkaDirectory;
		this.kafka = kafka;
		this.mongo = mongo;
	}

	static EmbeddedInfrastructure start() {
		try {
			Path kafkaDirectory = Files.createTempDirectory("coophub-test-kafka");
			KafkaBroker kafka = KafkaBroker.onFreePorts(kafkaDirectory).start();
			MongoWireServer mongo = MongoWireServer.inMemory(0).start();
			log.info("Test infrastructure in this JVM: Kafka {}, MongoDB {}", kafka.bootstrapServers(),
					mongo.connectionString());
			return new EmbeddedInfrastructure(kafkaDirectory, kafka, mongo);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a folder for the test Kafka broker", ex);
		}
	}

	KafkaBroker kafka() {
		return this.kafka;
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	@Override
	public String mongoUri() {
		return this.mongo.connectionString();
	}

	@Override
	public boolean usingContainers() {
		return false;
	}

	@Override
	public void stop() {
		this.mongo.stop();
		// the broker first: deleting its files while it runs would make it halt the JVM
		this.kafka.stop();
		deleteQuietly(this.kafkaDirectory);
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			log.debug("Could not delete {}", directory, ex);
		}
	}

}
