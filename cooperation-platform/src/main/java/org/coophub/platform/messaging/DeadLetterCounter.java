package org.coophub.platform.messaging;

import java.util.Collection;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/**
 * Counts the records the Kafka binder dead-letters, as
 * {@code coophub.events.dead.letters{topic, group}} ({@code error.<topic>.<group>} is
 * where they went). The binder has no event for a dead letter, but it asks this function,
 * once per record, which partition of the dead-letter topic to use; the answer stays the
 * binder's default (the record's own partition), so counting changes nothing else.
 * <p>
 * The counter of each topic a consumer group of the service reads exists from the start,
 * at zero: the dashboards and the alert have a series before the first dead letter
 * (docs/operations.md, "Metrics and alerts").
 */
public class DeadLetterCounter implements DlqPartitionFunction {

	/** The meter's name. */
	public static final String METER = "coophub.events.dead.letters";

	private final MeterRegistry registry;

	public DeadLetterCounter(MeterRegistry registry) {
		this(registry, List.of());
	}

	/**
	 * A counter whose series for the given subscriptions exist at zero from now on.
	 * @param registry where the counters go
	 * @param subscriptions the topics the service's consumer groups read
	 */
	public DeadLetterCounter(MeterRegistry registry, Collection<Subscription> subscriptions) {
		this.registry = registry;
		subscriptions.forEach((subscription) -> counter(subscription.topic(), subscription.group()));
	}

	@Override
	public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable throwable) {
		counter(record.topic(), group).increment();
		return DlqPartitionFunction.ORIGINAL_PARTITION.apply(group, record, throwable);
	}

	private Counter counter(String topic, String group) {
		return Counter.builder(METER)
			.tag("topic", topic)
			.tag("group", (group != null) ? group : "")
			.description("Records sent to a dead-letter topic, error.<topic>.<group>")
			.register(this.registry);
	}

	/**
	 * A topic a consumer group reads (a consumer binding's destination and group).
	 *
	 * @param topic the topic
	 * @param group the consumer group
	 */
	public record Subscription(String topic, String group) {

	}

}
