package org.coophub.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.micrometer.tracing.Span;
import org.coophub.events.DomainEvent;
import org.coophub.events.EventTypes;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationUpdated;
import org.coophub.platform.tracing.TraceParent;
import org.coophub.platform.tracing.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Turns CloudEvents records into typed event records and hands them to the service's
 * handlers. A type the system does not know, or JSON that does not read, is a poison
 * message; a known type the service does not handle is skipped. A record that refers to
 * something not arrived yet is parked and routed again later.
 * <p>
 * Each record is handled in a span that continues the record's {@code traceparent}
 * (docs/operations.md, "Tracing"), with {@value #EVENT_ID} and {@value #AGREEMENT_ID} in
 * the logging MDC meanwhile, so what a handler logs, writes to its outbox or plans to
 * mail carries the trace of the request that started it.
 */
public class EventRouter {

	private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

	/**
	 * A record that fails because MongoDB is away must wait for it, not use up the
	 * binding's few attempts and land in the dead-letter topic: that would lose its
	 * effect. Two minutes stays well inside Kafka's max.poll.interval.ms (five), so the
	 * consumer keeps its partitions while it waits.
	 */
	private static final RetryTemplate STORE_OUTAGES = new RetryTemplate(RetryPolicy.builder()
		.includes(DataAccessResourceFailureException.class, TransientDataAccessException.class)
		.maxRetries(Long.MAX_VALUE)
		.timeout(Duration.ofMinutes(2))
		.delay(Duration.ofMillis(200))
		.multiplier(2)
		.maxDelay(Duration.ofSeconds(5))
		.build());

	static final int RETRY_BATCH = 100;

	/** The MDC key of the event being handled. */
	public static final String EVENT_ID = "eventId";

	/**
	 * The MDC key of the agreement the event is about: its partition key, except for
	 * organizations' events, which concern no agreement.
	 */
	public static final String AGREEMENT_ID = "agreementId";

	private final JsonMapper json;

	private final ParkedEvents parked;

	private final Traces traces;

	private final Map<String, Map<Class<?>, Consumer<DomainEvent>>> routesByName = new ConcurrentHashMap<>();

	public EventRouter(JsonMapper json, ParkedEvents parked) {
		this(json, parked, Traces.NONE);
	}

	public EventRouter(JsonMapper json, ParkedEvents parked, Traces traces) {
		this.json = json;
		this.parked = parked;
		this.traces = traces;
	}

	/**
	 * The consumer of one binding.
	 * @param name names the route in parked records, so they come back to the same
	 * handlers
	 * @param configurer adds the handlers
	 * @return the binding's consumer
	 */
	public Consumer<Message<byte[]>> route(String name, Consumer<Routes> configurer) {
		Routes routes = new Routes();
		configurer.accept(routes);
		this.routesByName.put(name, routes.handlers);
		return (message) -> {
			String type = CloudEventMessageUtils.getType(message);
			this.traces.run(traceparentOf(message), "handle " + type, Span.Kind.CONSUMER,
					() -> dispatch(name, type, message.getPayload(), routes.handlers));
		};
	}

	/**
	 * The consumer of one binding in batch mode: a poll's records are handed to the
	 * handlers one by one, as {@link #route}, inside one {@link PollScope}, which writes
	 * what they left once for the whole poll (docs/architecture.md, "Applying a poll
	 * together"). A record that cannot be read ends the poll early: what came before it
	 * is written, and the binder's error handler gets its index (it commits the records
	 * before it and dead-letters it after the binding's attempts).
	 * @param name names the route in parked records, so they come back to the same
	 * handlers (outside any poll: the scope's target is then the one-event writer)
	 * @param configurer adds the handlers
	 * @param scope opens and writes a poll's worth of changes
	 * @return the binding's consumer
	 */
	public Consumer<Message<List<byte[]>>> routeBatch(String name, Consumer<Routes> configurer, PollScope scope) {
		Consumer<Message<byte[]>> each = route(name, configurer);
		return (batch) -> {
			scope.open(keysOf(batch));
			try {
				BatchListenerFailedException poison = acceptEach(batch, each);
				STORE_OUTAGES.invoke(scope::write);
				if (poison != null) {
					throw poison;
				}
			}
			finally {
				scope.close();
			}
		};
	}

	/**
	 * A record consumer over a batch: each record in turn, as {@link #route}; an
	 * unreadable one is reported by its index.
	 * @param each the record consumer
	 * @return the batch consumer
	 */
	public Consumer<Message<List<byte[]>>> each(Consumer<Message<byte[]>> each) {
		return (batch) -> {
			BatchListenerFailedException poison = acceptEach(batch, each);
			if (poison != null) {
				throw poison;
			}
		};
	}

	/**
	 * @return the first unreadable record's failure, by its index, or null once all went
	 * through
	 */
	private static BatchListenerFailedException acceptEach(Message<List<byte[]>> batch,
			Consumer<Message<byte[]>> each) {
		List<byte[]> payloads = batch.getPayload();
		for (int i = 0; i < payloads.size(); i++) {
			try {
				each.accept(record(batch, i));
			}
			catch (UnreadableEventException ex) {
				return new BatchListenerFailedException(ex.getMessage(), ex, i);
			}
		}
		return null;
	}

	/**
	 * The Kafka keys of a poll's records, in order, as text (the producers send the
	 * partition key's UTF-8 bytes); null for a record without one.
	 */
	private static List<String> keysOf(Message<List<byte[]>> batch) {
		List<String> keys = new ArrayList<>(batch.getPayload().size());
		Object received = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
		for (int i = 0; i < batch.getPayload().size(); i++) {
			Object key = (received instanceof List<?> list && i < list.size()) ? list.get(i) : null;
			keys.add((key instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
					: (key != null) ? key.toString() : null);
		}
		return keys;
	}

	/** One record of a batch, with the headers the binder converted for it. */
	private static Message<byte[]> record(Message<List<byte[]>> batch, int index) {
		MessageBuilder<byte[]> record = MessageBuilder.withPayload(batch.getPayload().get(index));
		if (batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS) instanceof List<?> headers
				&& headers.get(index) instanceof Map<?, ?> converted) {
			converted.forEach((key, value) -> record.setHeader(key.toString(), value));
		}
		return record.build();
	}

	/**
	 * The W3C header, else the CloudEvents extension; the binder hands header values over
	 * as bytes.
	 */
	private static String traceparentOf(Message<?> message) {
		Object value = message.getHeaders().get(TraceParent.HEADER);
		if (value == null) {
			value = message.getHeaders().get(CloudEventSender.TRACEPARENT);
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

	/**
	 * Routes the parked records that are due again; they stay parked until they go
	 * through.
	 */
	@Scheduled(fixedDelayString = "${coophub.events.parked-retry-interval:1s}")
	public void retryParked() {
		for (ParkedEvents.ParkedEvent event : this.parked.due(RETRY_BATCH)) {
			this.traces.run(event.traceparent(), "handle parked " + event.type(), Span.Kind.CONSUMER,
					() -> retry(event));
		}
	}

	private void retry(ParkedEvents.ParkedEvent event) {
		Map<Class<?>, Consumer<DomainEvent>> handlers = this.routesByName.get(event.route());
		try {
			if (handlers == null) {
				throw new NotArrivedYetException("route " + event.route());
			}
			handle(event.type(), event.bytes(), handlers);
			this.parked.release(event);
			log.info("Parked {} {} went through after {} attempts", event.type(), event.id(), event.attempts() + 1);
		}
		catch (RuntimeException ex) {
			this.parked.postpone(event, ex.getMessage());
		}
	}

	private void dispatch(String route, String type, byte[] payload, Map<Class<?>, Consumer<DomainEvent>> handlers) {
		try {
			handle(type, payload, handlers);
		}
		catch (NotArrivedYetException ex) {
			DomainEvent event = read(payload, EventTypes.classOf(type).orElseThrow());
			this.parked.park(route, type, event.eventId(), payload, ex.getMessage());
			log.info("Parked {} {}: {}", type, event.eventId(), ex.getMessage());
		}
	}

	private void handle(String type, byte[] payload, Map<Class<?>, Consumer<DomainEvent>> handlers) {
		if (type == null) {
			throw new UnreadableEventException("Record has no ce_type header", null);
		}
		Class<? extends DomainEvent> eventClass = EventTypes.classOf(type)
			.orElseThrow(() -> new UnreadableEventException("Unknown event type " + type, null));
		Consumer<DomainEvent> handler = handlers.get(eventClass);
		if (handler == null) {
			log.debug("Skipping {}: not handled here", type);
			return;
		}
		DomainEvent event = read(payload, eventClass);
		try (MDC.MDCCloseable eventId = MDC.putCloseable(EVENT_ID, event.eventId());
				MDC.MDCCloseable agreementId = agreementIdInMdc(event)) {
			STORE_OUTAGES.invoke(() -> handler.accept(event));
			// what an operator greps a service's log for, by trace id (in the line) or
			// event id; types and ids only, no personal data
			log.info("Handled {} {}", type, event.eventId());
		}
	}

	/** Null (nothing to close) for organizations' events, which concern no agreement. */
	private static MDC.MDCCloseable agreementIdInMdc(DomainEvent event) {
		boolean aboutAnOrganization = event instanceof OrganizationRegistered || event instanceof OrganizationUpdated;
		return (aboutAnOrganization || event.partitionKey() == null) ? null
				: MDC.putCloseable(AGREEMENT_ID, event.partitionKey());
	}

	private DomainEvent read(byte[] payload, Class<? extends DomainEvent> eventClass) {
		try {
			return this.json.readValue(payload, eventClass);
		}
		catch (JacksonException ex) {
			throw new UnreadableEventException(
					"Cannot read " + eventClass.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Where the handlers of a batch binding write a poll's changes: opened before its
	 * first record, written after its last (retried while the store is away), closed
	 * either way. Called on the binding's consumer thread.
	 */
	public interface PollScope {

		/**
		 * Opens the scope for a poll whose records carry these Kafka keys (in order; null
		 * for a record without one), so that it may read at once what the records will
		 * need by their keys (an agreement's parties for its activities) instead of once
		 * per record.
		 * @param keys the records' keys
		 */
		void open(List<String> keys);

		void write();

		void close();

	}

	/**
	 * The handlers of one consumer binding, by event type.
	 */
	public static final class Routes {

		private final Map<Class<?>, Consumer<DomainEvent>> handlers = new LinkedHashMap<>();

		private Routes() {
		}

		@SuppressWarnings("unchecked")
		public <E extends DomainEvent> Routes on(Class<E> eventClass, Consumer<? super E> handler) {
			this.handlers.put(eventClass, (event) -> handler.accept((E) event));
			return this;
		}

	}

}
