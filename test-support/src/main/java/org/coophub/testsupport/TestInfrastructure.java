package org.coophub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.coophub.localstack.KafkaBroker;
import org.coophub.localstack.MongoWireServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker, MongoDB and SMTP server that integration tests share, started once
 * per JVM on first use and stopped when the JVM exits. Where a Docker engine runs, Kafka
 * and MongoDB are the real images (Testcontainers); elsewhere the in-JVM KRaft broker and
 * mongo-java-server of the local stack.
 */
public final class TestInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

	static final String MONGO_IMAGE = "mongo:8";

	private static TestInfrastructure instance;

	private final String kafkaBootstrapServers;

	private final String mongoUri;

	private final MailCapture mail;

	private final boolean usingContainers;

	private TestInfrastructure(String kafkaBootstrapServers, String mongoUri, MailCapture mail,
			boolean usingContainers) {
		this.kafkaBootstrapServers = kafkaBootstrapServers;
		this.mongoUri = mongoUri;
		this.mail = mail;
		this.usingContainers = usingContainers;
	}

	public static synchronized TestInfrastructure get() {
		if (instance == null) {
			instance = dockerAvailable() ? withContainers() : inJvm();
		}
		return instance;
	}

	public static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static TestInfrastructure withContainers() {
		KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
		MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
		kafka.start();
		mongo.start();
		MailCapture mail = new MailCapture(0).start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			mail.stop();
			mongo.stop();
			kafka.stop();
		}, "test-infrastructure-stop"));
		log.info("Test infrastructure: Testcontainers {} and {}", KAFKA_IMAGE, MONGO_IMAGE);
		return new TestInfrastructure(kafka.getBootstrapServers(), mongo.getConnectionString(), mail, true);
	}

	private static TestInfrastructure inJvm() {
		KafkaBroker kafka = KafkaBroker.onFreePorts(temporaryDirectory()).start();
		MongoWireServer mongo = MongoWireServer.inMemory(0).start();
		MailCapture mail = new MailCapture(0).start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			mail.stop();
			mongo.close();
			kafka.close();
		}, "test-infrastructure-stop"));
		log.info("Test infrastructure: in-JVM Kafka on {}, MongoDB-wire server on {} (no Docker engine)",
				kafka.bootstrapServers(), mongo.connectionString());
		return new TestInfrastructure(kafka.bootstrapServers(), mongo.connectionString(), mail, false);
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("coophub-kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String kafkaBootstrapServers() {
		return this.kafkaBootstrapServers;
	}

	public String mongoUri() {
		return this.mongoUri;
	}

	public MailCapture mail() {
		return this.mail;
	}

	public boolean usingContainers() {
		return this.usingContainers;
	}

}
