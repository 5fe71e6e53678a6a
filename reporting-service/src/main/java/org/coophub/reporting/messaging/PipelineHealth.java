package org.coophub.reporting.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.coophub.events.Topics;
import org.coophub.platform.outbox.OutboxRelay;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * How the event pipeline is doing, as Kafka itself tells it (AdminClient): lag of every
 * consumer group on the project's topics, and how many records each dead-letter topic
 * holds. {@code outboxBacklog} is this service's own, counted here; the other services'
 * outboxes live in their own databases, which reporting-service must not read, so their
 * backlogs (and parked records) come from each service's own metrics
 * ({@link ServiceReadiness}).
 */
@Component
class PipelineHealth implements DisposableBean {

	private static final long TIMEOUT_SECONDS = 5;

	private final Admin admin;

	private final OutboxRelay relay;

	private final ServiceReadiness readiness;

	/**
	 * From Boot's Kafka properties, so the admin client connects as the service does
	 * (SASL in compose).
	 */
	PipelineHealth(KafkaProperties kafka, OutboxRelay relay, ServiceReadiness readiness) {
		Map<String, Object> properties = new HashMap<>(kafka.buildAdminProperties());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
		properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-service-pipeline-health");
		this.admin = Admin.create(properties);
		this.relay = relay;
		this.readiness = readiness;
	}

	/**
	 * The pipeline now.
	 * @param token the caller's access token, to read the other services' metrics with;
	 * null for readiness only
	 */
	Snapshot snapshot(String token) throws Exception {
		Set<String> topics = this.admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		List<String> deadLetterTopics = topics.stream().filter((t) -> t.startsWith("error.")).sorted().toList();
		List<String> eventTopics = topics.stream().filter(Topics.ALL::contains).sorted().toList();
		List<String> described = new ArrayList<>(eventTopics);
		described.addAll(deadLetterTopics);
		Map<String, TopicDescription> descriptions = this.admin.describeTopics(described)
			.allTopicNames()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		List<TopicPartition> partitions = descriptions.values()
			.stream()
			.flatMap((d) -> d.partitions().stream().map((p) -> new TopicPartition(d.name(), p.partition())))
			.toList();
		Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
		Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());

		List<Lag> lags = new ArrayList<>();
		for (ConsumerGroupListing group : this.admin.listConsumerGroups()
			.all()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group.groupId())
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Map<String, Long> byTopic = new TreeMap<>();
			committed.forEach((partition, offset) -> {
				if (offset != null && eventTopics.contains(partition.topic())) {
					long end = latest.getOrDefault(partition, offset.offset());
					byTopic.merge(partition.topic(), Math.max(0, end - offset.offset()), Long::sum);
				}
			});
			byTopic.forEach((topic, lag) -> lags.add(new Lag(group.groupId(), topic, lag)));
		}
		lags.sort(Comparator.comparing(Lag::group).thenComparing(Lag::topic));

		Map<String, Long> dead = new TreeMap<>();
		for (TopicPartition partition : partitions) {
			if (partition.topic().startsWith("error.")) {
				long count = latest.getOrDefault(partition, 0L) - earliest.getOrDefault(partition, 0L);
				dead.merge(partition.topic(), count, Long::sum);
			}
		}
		List<DeadLetters> deadLetters = dead.entrySet()
			.stream()
			.map((e) -> new DeadLetters(e.getKey(), e.getValue()))
			.toList();
		long backlog = this.relay.backlog().values().stream().mapToLong(Long::longValue).sum();
		return new Snapshot(lags, deadLetters, backlog, this.readiness.check(token));
	}

	private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
		if (partitions.isEmpty()) {
			return new HashMap<>();
		}
		Map<TopicPartition, OffsetSpec> request = partitions.stream()
			.collect(Collectors.toMap(Function.identity(), (p) -> spec));
		Map<TopicPartition, ListOffsetsResultInfo> result = this.admin.listOffsets(request)
			.all()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		Map<TopicPartition, Long> offsets = new HashMap<>();
		result.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(2));
	}

	/**
	 * The pipeline at one moment.
	 *
	 * @param consumerLag records not yet processed, per consumer group and topic
	 * @param deadLetters records per dead-letter topic
	 * @param outboxBacklog this service's events stored but not yet acknowledged
	 * @param services each service's readiness (MongoDB and Kafka reachable), outbox
	 * backlog and parked records
	 */
	record Snapshot(List<Lag> consumerLag, List<DeadLetters> deadLetters, long outboxBacklog,
			List<ServiceReadiness.Readiness> services) {

	}

	/**
	 * A consumer group's lag on one topic.
	 *
	 * @param group the group (a service's name)
	 * @param topic the topic
	 * @param lag records behind
	 */
	record Lag(String group, String topic, long lag) {

	}

	/**
	 * A dead-letter topic and how many records it holds.
	 *
	 * @param topic {@code error.<topic>.<group>}
	 * @param records records held
	 */
	record DeadLetters(String topic, long records) {

	}

}
