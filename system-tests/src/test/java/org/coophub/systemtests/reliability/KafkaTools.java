package org.coophub.systemtests.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What an operator does to Kafka by hand: look at lag, move a group back to the start,
 * re-send records, write a broken one, read a dead-letter topic.
 */
final class KafkaTools {

	private final String bootstrapServers;

	KafkaTools(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/** Records the group has not consumed yet, over the given topics. */
	long lag(String group, List<String> topics) {
		try (Admin admin = admin()) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, Long> ends = endOffsets(admin, topics);
			return ends.entrySet().stream().mapToLong((end) -> {
				OffsetAndMetadata at = committed.get(end.getKey());
				return end.getValue() - ((at != null) ? at.offset() : 0);
			}).sum();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** How many consumers the group has now. */
	int members(String group) {
		try (Admin admin = admin()) {
			return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
		}
		catch (ExecutionException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Moves a group (whose members are stopped) back to the earliest offset of the
	 * topics.
	 */
	void resetToEarliest(String group, List<String> topics) {
		try (Admin admin = admin()) {
			Map<TopicPartition, OffsetSpec> earliest = partitions(admin, topics).stream()
				.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.earliest()));
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			admin.listOffsets(earliest)
				.all()
				.get()
				.forEach((partition, info) -> offsets.put(partition, new OffsetAndMetadata(info.offset())));
			admin.alterConsumerGroupOffsets(group, offsets).all().get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	long totalRecords(String topic) {
		try (Admin admin = admin()) {
			return endOffsets(admin, List.of(topic)).values().stream().mapToLong(Long::longValue).sum();
		}
		catch (ExecutionException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Every record of a topic, from the start. */
	List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
		long expected = totalRecords(topic);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (records.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
		}
		return records;
	}

	/** Sends the records again exactly as they were: same key, headers and value. */
	int republish(List<ConsumerRecord<byte[], byte[]>> records) {
		try (KafkaProducer<byte[], byte[]> producer = producer()) {
			for (ConsumerRecord<byte[], byte[]> record : records) {
				producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
						new RecordHeaders(record.headers().toArray())));
			}
			producer.flush();
		}
		return records.size();
	}

	/** A record with CloudEvents headers of the given type and any value, even broken. */
	void sendRaw(String topic, String key, String type, byte[] value) {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_id", UUID.randomUUID().toString().getBytes());
		headers.add("ce_source", "/coophub/system-tests".getBytes());
		headers.add("ce_specversion", "1.0".getBytes());
		headers.add("ce_type", type.getBytes());
		headers.add("ce_subject", key.getBytes());
		headers.add("content-type", "application/json".getBytes());
		try (KafkaProducer<byte[], byte[]> producer = producer()) {
			producer.send(new ProducerRecord<>(topic, null, key.getBytes(), value, headers)).get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics)
			throws ExecutionException, InterruptedException {
		Map<TopicPartition, OffsetSpec> latest = partitions(admin, topics).stream()
			.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest()));
		Map<TopicPartition, Long> ends = new HashMap<>();
		admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

	private List<TopicPartition> partitions(Admin admin, List<String> topics)
			throws ExecutionException, InterruptedException {
		return admin.describeTopics(topics)
			.allTopicNames()
			.get()
			.values()
			.stream()
			.flatMap((description) -> description.partitions()
				.stream()
				.map((partition) -> new TopicPartition(description.name(), partition.partition())))
			.toList();
	}

	private Admin admin() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		return Admin.create(properties);
	}

	private KafkaConsumer<byte[], byte[]> consumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private KafkaProducer<byte[], byte[]> producer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
	}

}
