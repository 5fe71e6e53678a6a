package org.coophub.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Watches a topic from a test, as any consumer would, and waits for the records it
 * expects, headers (CloudEvents {@code ce_*}) included:
 *
 * <pre class="code">
 * try (TopicProbe activityEvents = TopicProbe.subscribe("activity-events")) {
 *     // record an activity over HTTP ...
 *     ConsumerRecord&lt;String, String&gt; event = activityEvents
 *         .awaitRecord((record) -&gt; "org.coophub.activity.recorded.v1".equals(TopicProbe.header(record, "ce_type")));
 *     assertThat(event.key()).isEqualTo(agreementId);
 * }
 * </pre>
 *
 * It reads all partitions by assignment, without a consumer group: nothing to rebalance,
 * and "from latest" means from the moment the probe was created, not from whenever a
 * group join would have finished.
 */
public final class TopicProbe implements AutoCloseable {

	/** How long to wait for a record, or for the topic to exist. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration POLL = Duration.ofMillis(100);

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

	private TopicProbe(String bootstrapServers, String topic, boolean fromBeginning) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed"), new StringDeserializer(), new StringDeserializer());
		try {
			List<TopicPartition> partitions = awaitPartitions(topic);
			this.consumer.assign(partitions);
			if (fromBeginning) {
				this.consumer.seekToBeginning(partitions);
			}
			else {
				this.consumer.seekToEnd(partitions);
			}
			// resolve the positions now: records sent after this constructor are seen
			partitions.forEach(this.consumer::position);
		}
		catch (RuntimeException ex) {
			this.consumer.close();
			throw ex;
		}
	}

	/**
	 * Sees every record the topic holds (from the earliest offset), on the test
	 * infrastructure's broker: nothing is missed however late the probe is created, so
	 * match on something unique to the test (a key, an id).
	 */
	public static TopicProbe subscribe(String topic) {
		return subscribe(TestInfrastructure.get().kafkaBootstrapServers(), topic);
	}

	/**
	 * Sees only the records sent after this call, on the test infrastructure's broker.
	 */
	public static TopicProbe fromLatest(String topic) {
		return fromLatest(TestInfrastructure.get().kafkaBootstrapServers(), topic);
	}

	public static TopicProbe subscribe(String bootstrapServers, String topic) {
		return new TopicProbe(bootstrapServers, topic, true);
	}

	public static TopicProbe fromLatest(String bootstrapServers, String topic) {
		return new TopicProbe(bootstrapServers, topic, false);
	}

	/** The first record (oldest) that matches, waiting up to {@link #DEFAULT_TIMEOUT}. */
	public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> matching) {
		return awaitRecord(matching, DEFAULT_TIMEOUT);
	}

	public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> matching,
			Duration timeout) {
		return awaitRecords(matching, 1, timeout).get(0);
	}

	/**
	 * The first {@code count} matching records, waiting up to {@link #DEFAULT_TIMEOUT}.
	 */
	public List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> matching,
			int count) {
		return awaitRecords(matching, count, DEFAULT_TIMEOUT);
	}

	public List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> matching,
			int count, Duration timeout) {
		// the consumer is not thread-safe: poll on the test's thread
		return Awaitility.await("%d matching record(s)".formatted(count))
			.atMost(timeout)
			.pollInSameThread()
			.pollDelay(Duration.ZERO)
			.pollInterval(POLL)
			.until(() -> {
				poll();
				return this.received.stream().filter(matching).limit(count).toList();
			}, (matches) -> matches.size() == count);
	}

	/** Every record seen so far, after one more poll. */
	public List<ConsumerRecord<String, String>> received() {
		poll();
		return List.copyOf(this.received);
	}

	/**
	 * The record's headers as UTF-8 text by name (the last value of a repeated header).
	 */
	public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(),
					(header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null);
		}
		return headers;
	}

	/** A header's value as UTF-8 text (the last one of that name), or null. */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(5));
	}

	private void poll() {
		this.consumer.poll(POLL).forEach(this.received::add);
	}

	private List<TopicPartition> awaitPartitions(String topic) {
		// services create their topics at start-up, which may still be under way
		List<PartitionInfo> partitions = Awaitility.await("topic " + topic + " to exist")
			.atMost(DEFAULT_TIMEOUT)
			.pollInSameThread()
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> this.consumer.partitionsFor(topic, Duration.ofSeconds(2)), (found) -> !found.isEmpty());
		return partitions.stream().map((info) -> new TopicPartition(topic, info.partition())).toList();
	}

}
