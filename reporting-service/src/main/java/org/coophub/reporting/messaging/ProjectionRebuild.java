package org.coophub.reporting.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.coophub.events.Topics;
import org.coophub.platform.messaging.EventRouter;
import org.coophub.platform.messaging.UnreadableEventException;
import org.coophub.platform.problem.ConflictException;
import org.coophub.reporting.dashboard.DashboardChanged;
import org.coophub.reporting.dashboard.DashboardProjection;
import org.coophub.reporting.dashboard.ProjectionCollections;
import org.coophub.reporting.dashboard.ReplayBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the projections from the topics: replays every partition of the topics the
 * dashboard reads, from the earliest offset up to the end offsets taken at the start,
 * into a fresh generation of collections, then switches readers to it. Pages keep being
 * served from the old generation meanwhile, and live events are written to both, so
 * nothing that arrives during the replay is lost. A rebuild runs on its own consumer
 * (manual assignment, no group), leaving the service's consumer group untouched.
 */
@Component
class ProjectionRebuild {

	private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

	private static final List<String> TOPICS = List.of(Topics.AGREEMENT_EVENTS, Topics.ACTIVITY_EVENTS,
			Topics.NOTIFICATION_EVENTS);

	private static final Duration LIMIT = Duration.ofMinutes(10);

	private final EventRouter router;

	private final DashboardProjection projection;

	private final ProjectionCollections collections;

	private final ApplicationEventPublisher publisher;

	private final KafkaProperties kafka;

	private final AtomicBoolean running = new AtomicBoolean();

	ProjectionRebuild(EventRouter router, DashboardProjection projection, ProjectionCollections collections,
			ApplicationEventPublisher publisher, KafkaProperties kafka) {
		this.router = router;
		this.projection = projection;
		this.collections = collections;
		this.publisher = publisher;
		this.kafka = kafka;
	}

	Result rebuild() {
		if (!this.running.compareAndSet(false, true)) {
			throw new ConflictException("A rebuild of the projections is already running", "reporting.rebuild.running");
		}
		try {
			return replay();
		}
		finally {
			this.running.set(false);
		}
	}

	private Result replay() {
		long started = System.nanoTime();
		int generation = this.collections.startRebuild();
		ReplayBatch target = this.projection.replayInto(generation);
		Consumer<Message<byte[]>> routes = this.router.route("rebuild", (r) -> {
			ProjectionRoutes.agreementEvents(r, () -> target);
			ProjectionRoutes.activityEvents(r, () -> target);
			ProjectionRoutes.notificationEvents(r, () -> target);
		});
		long records = 0;
		long skipped = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : TOPICS) {
				for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
					partitions.add(new TopicPartition(topic, info.partition()));
				}
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + LIMIT.toNanos();
			while (!caughtUp(consumer, end)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Rebuild did not catch up within " + LIMIT);
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (apply(routes, record)) {
						records++;
					}
					else {
						skipped++;
					}
				}
				target.flush();
			}
		}
		this.collections.switchTo(generation);
		this.publisher.publishEvent(new DashboardChanged(null));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		log.info("Projections rebuilt into generation {} from {} records ({} unreadable skipped) in {} ms", generation,
				records, skipped, took.toMillis());
		return new Result(generation, records, skipped, took.toMillis());
	}

	/**
	 * Adds one record to the batch; an unreadable record is skipped (the live consumer
	 * dead-lettered it).
	 */
	private static boolean apply(Consumer<Message<byte[]>> routes, ConsumerRecord<byte[], byte[]> record) {
		try {
			routes.accept(toMessage(record));
			return true;
		}
		catch (UnreadableEventException ex) {
			return false;
		}
	}

	private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey()) >= e.getValue());
	}

	private static Message<byte[]> toMessage(ConsumerRecord<byte[], byte[]> record) {
		MessageBuilder<byte[]> message = MessageBuilder
			.withPayload((record.value() != null) ? record.value() : new byte[0]);
		for (Header header : record.headers()) {
			if (header.value() != null) {
				message.setHeader(header.key(), new String(header.value(), StandardCharsets.UTF_8));
			}
		}
		return message.build();
	}

	private Map<String, Object> consumerProperties() {
		// from Boot's Kafka properties, so it connects as the service does (SASL in
		// compose); no group: it reads by assignment and commits nothing
		Map<String, Object> properties = new HashMap<>(this.kafka.buildConsumerProperties());
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.putAll(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		return properties;
	}

	/**
	 * What a rebuild did.
	 *
	 * @param generation the generation now served
	 * @param records events applied
	 * @param skipped unreadable records skipped
	 * @param millis how long it took
	 */
	record Result(int generation, long records, long skipped, long millis) {

	}

}
