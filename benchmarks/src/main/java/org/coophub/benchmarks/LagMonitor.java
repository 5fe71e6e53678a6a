package org.coophub.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToLongFunction;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * When did the services apply an event? Taken from the services' own consumer groups: a
 * group commits a record's offset after its handler returned (Spring Kafka's BATCH ack
 * mode, synchronous commits), so the moment the committed offset passes a record is the
 * moment that service had applied it, at most one poll interval late. A tap consumer of
 * its own reads each record's offset, its Kafka timestamp (when activity-service's relay
 * published it) and its {@code ce_subject} (the activity id, to find when it was POSTed).
 */
final class LagMonitor implements AutoCloseable {

	private final String topic;

	private final List<String> groups;

	private final Duration pollInterval;

	private final Admin admin;

	private final KafkaConsumer<byte[], byte[]> tap;

	private final List<TopicPartition> partitions;

	private final AtomicLongArray ends;

	private final Map<String, List<Queue<Tapped>>> pending = new HashMap<>();

	private final Map<String, Long> lags = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile Recording recording;

	private volatile boolean running = true;

	private final Thread tapThread;

	private final Thread pollThread;

	LagMonitor(String bootstrapServers, String topic, List<String> groups, Duration pollInterval) {
		this.topic = topic;
		this.groups = groups;
		this.pollInterval = pollInterval;
		Properties admin = new Properties();
		admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		this.admin = Admin.create(admin);
		Properties consumer = new Properties();
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
		this.tap = new KafkaConsumer<>(consumer);
		this.partitions = this.tap.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
			.toList();
		this.tap.assign(this.partitions);
		this.tap.seekToEnd(this.partitions);
		this.ends = new AtomicLongArray(this.partitions.size());
		for (TopicPartition partition : this.partitions) {
			this.ends.set(partition.partition(), this.tap.position(partition));
		}
		for (String group : groups) {
			List<Queue<Tapped>> queues = new ArrayList<>();
			this.partitions.forEach((p) -> queues.add(new ConcurrentLinkedQueue<>()));
			this.pending.put(group, queues);
			this.lags.put(group, 0L);
		}
		this.tapThread = new Thread(this::tapLoop, "lag-monitor-tap");
		this.pollThread = new Thread(this::pollLoop, "lag-monitor-poll");
		this.tapThread.setDaemon(true);
		this.pollThread.setDaemon(true);
		this.tapThread.start();
		this.pollThread.start();
	}

	/**
	 * Starts collecting latencies of records applied from now on.
	 * @param requestTimes the epoch millisecond an activity id was POSTed, or -1
	 */
	Recording record(ToLongFunction<String> requestTimes) {
		Recording fresh = new Recording(this.groups, requestTimes);
		this.recording = fresh;
		return fresh;
	}

	void stopRecording() {
		this.recording = null;
	}

	/** Records published but not yet applied by the group. */
	long lag(String group) {
		return this.lags.getOrDefault(group, 0L);
	}

	/** The largest backlog of any group. */
	long maxLag() {
		return this.lags.values().stream().mapToLong(Long::longValue).max().orElse(0);
	}

	long published() {
		long sum = 0;
		for (int i = 0; i < this.ends.length(); i++) {
			sum += this.ends.get(i);
		}
		return sum;
	}

	/**
	 * Waits until the tap has seen {@code count} more records than {@code base}, so a
	 * backlog of zero means applied, not yet published.
	 * @return whether they were seen in time
	 */
	boolean awaitPublished(long base, long count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (published() - base < count) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(10);
		}
		return true;
	}

	/**
	 * Waits until every group has applied everything published, or the time is up.
	 * @return milliseconds waited, or -1 on time-out
	 */
	long awaitDrained(Duration timeout) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		// two polls in a row at zero, so a record published just now is seen
		int zeroes = 0;
		while (System.nanoTime() < deadline) {
			zeroes = (maxLag() == 0) ? zeroes + 1 : 0;
			if (zeroes >= 3) {
				return (System.nanoTime() - start) / 1_000_000;
			}
			Thread.sleep(Math.max(20, this.pollInterval.toMillis()));
		}
		return -1;
	}

	private void tapLoop() {
		while (this.running) {
			try {
				for (ConsumerRecord<byte[], byte[]> record : this.tap.poll(Duration.ofMillis(20))) {
					Tapped tapped = new Tapped(record.offset(), record.timestamp(), header(record, "ce_subject"),
							header(record, "ce_id"), header(record, "ce_type"), header(record, "ce_time"));
					Recording recording = this.recording;
					if (recording != null) {
						recording.tapped(tapped);
					}
					for (String group : this.groups) {
						this.pending.get(group).get(record.partition()).add(tapped);
					}
					this.ends.accumulateAndGet(record.partition(), record.offset() + 1, Math::max);
				}
			}
			catch (RuntimeException ex) {
				if (this.running) {
					System.err.println("lag monitor tap: " + ex);
				}
			}
		}
		this.tap.close();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return text(record.headers().lastHeader(name));
	}

	/**
	 * A header's text; the binder's header mapper writes strings as JSON, in quotes.
	 */
	static String text(Header header) {
		if (header == null) {
			return null;
		}
		String text = new String(header.value(), StandardCharsets.UTF_8);
		return (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\""))
				? text.substring(1, text.length() - 1) : text;
	}

	private void pollLoop() {
		Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
		this.groups.forEach((g) -> specs.put(g, new ListConsumerGroupOffsetsSpec().topicPartitions(this.partitions)));
		while (this.running) {
			try {
				Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = this.admin
					.listConsumerGroupOffsets(specs)
					.all()
					.get();
				long now = System.currentTimeMillis();
				Recording current = this.recording;
				for (String group : this.groups) {
					Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(group,
							Collections.emptyMap());
					long lag = 0;
					for (TopicPartition partition : this.partitions) {
						OffsetAndMetadata offset = offsets.get(partition);
						long position = (offset != null) ? offset.offset() : 0;
						lag += Math.max(0, this.ends.get(partition.partition()) - position);
						Queue<Tapped> queue = this.pending.get(group).get(partition.partition());
						while (!queue.isEmpty() && queue.peek().offset() < position) {
							Tapped applied = queue.poll();
							if (current != null) {
								current.applied(group, applied, now);
							}
						}
					}
					this.lags.put(group, lag);
				}
				Thread.sleep(this.pollInterval.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				if (this.running) {
					System.err.println("lag monitor poll: " + ex);
				}
			}
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.tap.wakeup();
		try {
			this.tapThread.join(2000);
			this.pollThread.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.admin.close(Duration.ofSeconds(2));
	}

	String topic() {
		return this.topic;
	}

	/**
	 * A record seen by the tap: where it is, when it was published (its Kafka timestamp)
	 * and its CloudEvents subject, id, type and time.
	 */
	record Tapped(long offset, long publishedAt, String subject, String eventId, String type, String time) {
	}

	/**
	 * Latencies of the records applied while recording, per group: from the event's
	 * publication and from the HTTP request that caused it.
	 */
	static final class Recording {

		private final Map<String, List<Long>> fromEvent = new LinkedHashMap<>();

		private final Map<String, List<Long>> fromRequest = new LinkedHashMap<>();

		private final ToLongFunction<String> requestTimes;

		/** Applied before the POST's answer arrived: matched when asked. */
		private final Map<String, List<long[]>> unmatched = new LinkedHashMap<>();

		private final Map<String, List<String>> unmatchedSubjects = new LinkedHashMap<>();

		private final List<Tapped> tapped = Collections.synchronizedList(new ArrayList<>());

		Recording(List<String> groups, ToLongFunction<String> requestTimes) {
			this.requestTimes = requestTimes;
			groups.forEach((g) -> {
				this.fromEvent.put(g, Collections.synchronizedList(new ArrayList<>()));
				this.fromRequest.put(g, Collections.synchronizedList(new ArrayList<>()));
				this.unmatched.put(g, Collections.synchronizedList(new ArrayList<>()));
				this.unmatchedSubjects.put(g, Collections.synchronizedList(new ArrayList<>()));
			});
		}

		void tapped(Tapped record) {
			this.tapped.add(record);
		}

		/** Every record published while recording. */
		List<Tapped> tapped() {
			synchronized (this.tapped) {
				return List.copyOf(this.tapped);
			}
		}

		void applied(String group, Tapped record, long now) {
			this.fromEvent.get(group).add(now - record.publishedAt());
			long requested = (record.subject() != null) ? this.requestTimes.applyAsLong(record.subject()) : -1;
			if (requested > 0) {
				this.fromRequest.get(group).add(now - requested);
			}
			else if (record.subject() != null) {
				synchronized (this.unmatched.get(group)) {
					this.unmatched.get(group).add(new long[] { now });
					this.unmatchedSubjects.get(group).add(record.subject());
				}
			}
		}

		List<Long> fromEvent(String group) {
			synchronized (this.fromEvent.get(group)) {
				return List.copyOf(this.fromEvent.get(group));
			}
		}

		List<Long> fromRequest(String group) {
			List<Long> all;
			synchronized (this.fromRequest.get(group)) {
				all = new ArrayList<>(this.fromRequest.get(group));
			}
			synchronized (this.unmatched.get(group)) {
				List<long[]> times = this.unmatched.get(group);
				List<String> subjects = this.unmatchedSubjects.get(group);
				for (int i = 0; i < times.size(); i++) {
					long requested = this.requestTimes.applyAsLong(subjects.get(i));
					if (requested > 0) {
						all.add(times.get(i)[0] - requested);
					}
				}
			}
			return all;
		}

	}

}
