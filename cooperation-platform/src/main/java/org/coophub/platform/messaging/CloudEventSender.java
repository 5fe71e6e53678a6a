package org.coophub.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;

import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends outbox entries as CloudEvents in Kafka binary mode: attributes in {@code ce_*}
 * headers, the event's JSON as the value, the partition key as the record key. The
 * binder's producer is synchronous (see the platform defaults), so a return means
 * acknowledged.
 */
public class CloudEventSender implements EventSender {

	static final String SPEC_VERSION = "1.0";

	/** The CloudEvents extension naming who caused the event, in Kafka binary mode. */
	public static final String ACTOR = CloudEventMessageUtils.KAFKA_ATTR_PREFIX + "actor";

	private final StreamBridge bridge;

	private final String source;

	public CloudEventSender(StreamBridge bridge, String serviceName) {
		this.bridge = bridge;
		this.source = "/coophub/" + serviceName;
	}

	@Override
	public void send(OutboxEntry entry) {
		Message<byte[]> message = CloudEventMessageBuilder.withData(entry.payload().getBytes(StandardCharsets.UTF_8))
			.setId(entry.eventId())
			.setSource(this.source)
			.setSpecVersion(SPEC_VERSION)
			.setType(entry.type())
			.setSubject(entry.subject())
			.setTime(time(entry))
			.setHeader("content-type", "application/json")
			.setHeader(KafkaHeaders.KEY, entry.key().getBytes(StandardCharsets.UTF_8))
			.build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
		if (entry.actor() != null) {
			message = MessageBuilder.fromMessage(message).setHeader(ACTOR, entry.actor()).build();
		}
		if (!this.bridge.send(entry.topic(), message)) {
			throw new IllegalStateException("Kafka did not accept event " + entry.eventId() + " for " + entry.topic());
		}
	}

	/**
	 * To the millisecond, as MongoDB stores the outbox entry: a copy sent again from the
	 * stored entry carries the same time as the first one sent from memory.
	 */
	private static String time(OutboxEntry entry) {
		return entry.occurredAt().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC).toString();
	}

}
