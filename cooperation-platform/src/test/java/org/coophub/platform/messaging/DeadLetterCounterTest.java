package org.coophub.platform.messaging;

import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each dead letter counted under its topic and group, its partition left as the binder's
 * default would choose it.
 */
class DeadLetterCounterTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DeadLetterCounter counter = new DeadLetterCounter(this.registry);

	@Test
	void countsEachDeadLetterByTopicAndGroupAndKeepsItsPartition() {
		ConsumerRecord<byte[], byte[]> poison = new ConsumerRecord<>("activity-events", 4, 17L, null, null);

		assertThat(this.counter.apply("reporting-service", poison, new IllegalStateException("unreadable")))
			.isEqualTo(4);
		this.counter.apply("reporting-service", poison, new IllegalStateException("unreadable"));
		this.counter.apply("notification-service", poison, new IllegalStateException("unreadable"));

		assertThat(deadLetters("activity-events", "reporting-service")).isEqualTo(2.0);
		assertThat(deadLetters("activity-events", "notification-service")).isEqualTo(1.0);
	}

	@Test
	void theCounterOfEachSubscriptionExistsAtZeroBeforeTheFirstDeadLetter() {
		SimpleMeterRegistry fresh = new SimpleMeterRegistry();
		new DeadLetterCounter(fresh, List.of(new DeadLetterCounter.Subscription("activity-events", "reporting-service"),
				new DeadLetterCounter.Subscription("notification-events", "reporting-service")));

		assertThat(fresh.get(DeadLetterCounter.METER).counters()).hasSize(2)
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
		assertThat(fresh.get(DeadLetterCounter.METER)
			.tag("topic", "notification-events")
			.tag("group", "reporting-service")
			.counter()
			.count()).isZero();
	}

	private double deadLetters(String topic, String group) {
		return this.registry.get(DeadLetterCounter.METER).tag("topic", topic).tag("group", group).counter().count();
	}

}
