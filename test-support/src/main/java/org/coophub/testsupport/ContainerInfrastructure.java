package org.coophub.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Kafka and MongoDB in Docker containers (Testcontainers), configured like the local
 * stack's broker: no auto-created topics, three partitions by default.
 */
final class ContainerInfrastructure implements Infrastructure {

	static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

	static final String MONGO_IMAGE = "mongo:8";

	private static final Logger log = LoggerFactory.getLogger(ContainerInfrastructure.class);

	private final KafkaContainer kafka;

	private final MongoDBContainer mongo;

	private ContainerInfrastructure(KafkaContainer kafka, MongoDBContainer mongo) {
		this.kafka = kafka;
		this.mongo = mongo;
	}

	@SuppressWarnings("resource") // stopped by stop(), and by Testcontainers' reaper at
									// the latest
	static ContainerInfrastructure start() {
		KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
			.withEnv("KAFKA_NUM_PARTITIONS", "3")
			.withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
		MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
		Startables.deepStart(kafka, mongo).join();
		log.info("Test infrastructure in containers: Kafka {}, MongoDB {}", kafka.getBootstrapServers(),
				mongo.getConnectionString());
		return new ContainerInfrastructure(kafka, mongo);
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public String mongoUri() {
		return this.mongo.getConnectionString();
	}

	@Override
	public boolean usingContainers() {
		return true;
	}

	@Override
	public void stop() {
		this.mongo.stop();
		this.kafka.stop();
	}

}
