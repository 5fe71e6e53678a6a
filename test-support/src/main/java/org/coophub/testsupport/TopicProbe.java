package org.coophub.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic as an outside consumer would (its own group, from the earliest offset)
 * and waits for a record, so tests can check keys, CloudEvents headers and JSON values.
 */
public final class TopicProbe implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

	private TopicProbe(String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		this.consumer = new KafkaConsumer<>(properties);
		this.consumer.subscribe(List.of(topic));
	}

	public static TopicProbe subscribe(String topic) {
		return new TopicProbe(topic);
	}

	/**
	 * Polls until a record matches.
	 * @param match what the record must satisfy
	 * @return the first matching record
	 */
	public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> match) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.received::add);
			return this.received.stream().filter(match).findFirst().orElse(null);
		}, (record) -> record != null);
	}

	/**
	 * Every record read so far.
	 * @return the records, in the order read
	 */
	public List<ConsumerRecord<String, String>> received() {
		return List.copyOf(this.received);
	}

	/**
	 * A record's headers as UTF-8 text, e.g. {@code ce_type}.
	 * @param record a record
	 * @return its headers by name (the last value of a repeated header)
	 */
	public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
		Map<String, String> headers = new HashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		return headers;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
