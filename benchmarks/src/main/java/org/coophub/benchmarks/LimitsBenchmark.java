package org.coophub.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * The ceiling the services cannot beat on this infrastructure: raw Kafka and MongoDB
 * loops with event-sized messages and documents, from this JVM.
 */
final class LimitsBenchmark {

	/** About the size of an activity event with its CloudEvents headers. */
	static final int MESSAGE_BYTES = 1500;

	private final MeasuredStack stack;

	private final BenchmarkOptions options;

	LimitsBenchmark(MeasuredStack stack, BenchmarkOptions options) {
		this.stack = stack;
		this.options = options;
	}

	void run(RunResult result) throws Exception {
		int messages = this.options.quick() ? 20_000 : 100_000;
		String topic = "benchmark-raw-" + UUID.randomUUID();
		try (Admin admin = Admin.create(adminProperties())) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
			double loop = producerConsumerLoop(topic, messages);
			result.measure("limit.kafka.loop", "raw Kafka producer → consumer, acks=all, 1.5 kB", "msgs/s", loop);
			int sends = this.options.quick() ? 1_000 : 5_000;
			double sync = synchronousSends(topic, sends, null);
			result.measure("limit.kafka.sync-send",
					"raw Kafka synchronous send (acks=all), one at a time, client default linger.ms (5 in Kafka 4)",
					"msgs/s", sync);
			// the outbox relay sends like this; without linger each send need not wait 5
			// ms
			double noLinger = synchronousSends(topic, sends, "0");
			result.measure("limit.kafka.sync-send.linger0",
					"raw Kafka synchronous send (acks=all), one at a time, linger.ms=0", "msgs/s", noLinger);
			admin.deleteTopics(List.of(topic));
		}
		double inserts = mongoInserts(this.options.quick() ? 5_000 : 20_000);
		result.measure("limit.mongo.insert", "raw MongoDB single-document insert loop, 1.5 kB", "docs/s", inserts);
		result.measurements()
			.stream()
			.filter((m) -> m.key().startsWith("limit."))
			.forEach((m) -> System.out.printf("  %s: %.0f %s%n", m.label(), m.value(), m.unit()));
	}

	private double producerConsumerLoop(String topic, int messages) throws Exception {
		CountDownLatch received = new CountDownLatch(messages);
		AtomicLong count = new AtomicLong();
		Thread consumerThread = new Thread(() -> {
			try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
				consumer.subscribe(List.of(topic));
				while (received.getCount() > 0) {
					ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
					records.forEach((r) -> {
						count.incrementAndGet();
						received.countDown();
					});
				}
			}
		}, "raw-consumer");
		consumerThread.setDaemon(true);
		consumerThread.start();
		// the consumer must own its partitions before the clock starts
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
			producer.send(new ProducerRecord<>(topic, "warm", new byte[1])).get();
			Thread.sleep(3000);
			byte[] payload = new byte[MESSAGE_BYTES];
			long start = System.nanoTime();
			for (int i = 0; i < messages - 1; i++) {
				producer.send(new ProducerRecord<>(topic, "agreement-" + (i % 1000), payload));
			}
			producer.flush();
			if (!received.await(300, TimeUnit.SECONDS)) {
				throw new IllegalStateException("raw consumer received only " + count.get() + " of " + messages);
			}
			return (messages - 1) / ((System.nanoTime() - start) / 1e9);
		}
	}

	private double synchronousSends(String topic, int messages, String lingerMs) throws Exception {
		Properties properties = producerProperties();
		if (lingerMs != null) {
			properties.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
		}
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
			byte[] payload = new byte[MESSAGE_BYTES];
			producer.send(new ProducerRecord<>(topic, "warm", payload)).get();
			long start = System.nanoTime();
			for (int i = 0; i < messages; i++) {
				producer.send(new ProducerRecord<>(topic, "agreement-" + (i % 1000), payload)).get();
			}
			return messages / ((System.nanoTime() - start) / 1e9);
		}
	}

	private double mongoInserts(int documents) {
		try (MongoClient client = MongoClients.create(this.stack.mongo())) {
			MongoCollection<Document> collection = client.getDatabase("benchmark").getCollection("raw");
			collection.drop();
			String text = "x".repeat(MESSAGE_BYTES - 100);
			for (int i = 0; i < 200; i++) {
				collection.insertOne(new Document("n", i).append("text", text));
			}
			collection.drop();
			long start = System.nanoTime();
			for (int i = 0; i < documents; i++) {
				collection.insertOne(new Document("_id", UUID.randomUUID().toString()).append("n", i)
					.append("agreementId", "agreement-" + (i % 1000))
					.append("text", text));
			}
			double rate = documents / ((System.nanoTime() - start) / 1e9);
			client.getDatabase("benchmark").drop();
			return rate;
		}
	}

	private Properties adminProperties() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafka());
		return properties;
	}

	private Properties producerProperties() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafka());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		return properties;
	}

	private Properties consumerProperties() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafka());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-raw-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		return properties;
	}

}
