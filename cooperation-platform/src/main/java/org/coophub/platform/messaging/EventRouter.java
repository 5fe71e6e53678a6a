package org.coophub.platform.messaging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.messaging.Message;

/**
 * Turns CloudEvents records into typed event records and hands them to the service's
 * handlers. A type the system does not know, or JSON that does not read, is a poison
 * message; a known type the service does not handle is skipped.
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

	private final JsonMapper json;

	public EventRouter(JsonMapper json) {
		this.json = json;
	}

	public Consumer<Message<byte[]>> route(Consumer<Routes> configurer) {
		Routes routes = new Routes();
		configurer.accept(routes);
		return (message) -> dispatch(message, routes.handlers);
	}

	private void dispatch(Message<byte[]> message, Map<Class<?>, Consumer<DomainEvent>> handlers) {
		String type = CloudEventMessageUtils.getType(message);
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
		DomainEvent event = read(message.getPayload(), eventClass);
		STORE_OUTAGES.invoke(() -> handler.accept(event));
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
