package org.coophub.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.micrometer.tracing.Span;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.platform.tracing.TraceParent;
import org.coophub.platform.tracing.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * acknowledged. Each send is a span, a child of the trace context stored with the entry;
 * the record carries it as the W3C {@code traceparent} header and as the CloudEvents
 * distributed-tracing extension ({@code ce_traceparent}), so consumers continue the
 * trace.
 */
public class CloudEventSender implements EventSender {

	private static final Logger log = LoggerFactory.getLogger(CloudEventSender.class);

	static final String SPEC_VERSION = "1.0";

	/** The CloudEvents extension naming who caused the event, in Kafka binary mode. */
	public static final String ACTOR = CloudEventMessageUtils.KAFKA_ATTR_PREFIX + "actor";

	/**
	 * The CloudEvents distributed-tracing extension in Kafka binary mode: the same value
	 * as the W3C {@code traceparent} header.
	 */
	public static final String TRACEPARENT = CloudEventMessageUtils.KAFKA_ATTR_PREFIX + TraceParent.HEADER;

	private final StreamBridge bridge;

	private final String source;

	private final Traces traces;

	public CloudEventSender(StreamBridge bridge, String serviceName) {
		this(bridge, serviceName, Traces.NONE);
	}

	public CloudEventSender(StreamBridge bridge, String serviceName, Traces traces) {
		this.bridge = bridge;
		this.source = "/coophub/" + serviceName;
		this.traces = traces;
	}

	@Override
	public void send(OutboxEntry entry) {
		this.traces.run(entry.traceparent(), "publish " + entry.type(), Span.Kind.PRODUCER, () -> sendInSpan(entry));
	}

	private void sendInSpan(OutboxEntry entry) {
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
		String traceparent = TraceParent.current().orElse(null);
		if (traceparent != null) {
			message = MessageBuilder.fromMessage(message)
				.setHeader(TraceParent.HEADER, traceparent)
				.setHeader(TRACEPARENT, traceparent)
				.build();
		}
		if (!this.bridge.send(entry.topic(), message)) {
			throw new IllegalStateException("Kafka did not accept event " + entry.eventId() + " for " + entry.topic());
		}
		// the producing service's line of the trace (the consumers log "Handled"); types
		// and ids only, no personal data
		log.info("Published {} {} to {}", entry.type(), entry.eventId(), entry.topic());
	}

	/**
	 * To the millisecond, as MongoDB stores the outbox entry: a copy sent again from the
	 * stored entry carries the same time as the first one sent from memory.
	 */
	private static String time(OutboxEntry entry) {
		return entry.occurredAt().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC).toString();
	}

}
