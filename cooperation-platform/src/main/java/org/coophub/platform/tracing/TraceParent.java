package org.coophub.platform.tracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context ({@code traceparent}) of the work in progress, read where no bean
 * is at hand (an outbox entry, a ledger entry, a history entry), like
 * {@link org.coophub.platform.security.Actors}. Micrometer Tracing's OpenTelemetry bridge
 * keeps the current span in OpenTelemetry's context, so this sees the span of the HTTP
 * request or of the event being handled. Outside any span everything is empty.
 */
public final class TraceParent {

	/** The W3C header, on Kafka records as on HTTP requests. */
	public static final String HEADER = "traceparent";

	private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return List.copyOf(carrier.keySet());
		}

		@Override
		public String get(Map<String, String> carrier, String key) {
			return (carrier != null) ? carrier.get(key) : null;
		}

	};

	private TraceParent() {
	}

	/**
	 * The current span as a {@code traceparent} value:
	 * {@code 00-<trace id>-<span id>-<flags>}.
	 * @return the value, empty outside a span
	 */
	public static Optional<String> current() {
		Map<String, String> carrier = new HashMap<>(2);
		W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
		return Optional.ofNullable(carrier.get(HEADER));
	}

	/**
	 * The trace id of the current span, the one the log lines show.
	 * @return 32 hex digits, empty outside a span
	 */
	public static Optional<String> currentTraceId() {
		SpanContext context = Span.current().getSpanContext();
		return context.isValid() ? Optional.of(context.getTraceId()) : Optional.empty();
	}

	/**
	 * The trace id a stored {@code traceparent} names.
	 * @param traceparent the stored value, may be null
	 * @return 32 hex digits, empty when the value is absent or not a valid W3C context
	 */
	public static Optional<String> traceIdOf(String traceparent) {
		if (traceparent == null) {
			return Optional.empty();
		}
		Context extracted = W3CTraceContextPropagator.getInstance()
			.extract(Context.root(), Map.of(HEADER, traceparent), MAP);
		SpanContext context = Span.fromContext(extracted).getSpanContext();
		return context.isValid() ? Optional.of(context.getTraceId()) : Optional.empty();
	}

}
