package org.coophub.platform.tracing;

import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Continues a trace that was stored or received as a {@code traceparent}: the relay
 * publishing an outbox entry, a consumer handling a record, the dispatcher sending a
 * planned mail. The work runs in a new span whose parent is the stored context, so its
 * log lines, its own outbox entries and what it sends carry the same trace id. Without a
 * stored context the span starts a trace of its own.
 */
public class Traces {

	/** For code built without tracing (unit tests): spans that record nothing. */
	public static final Traces NONE = new Traces(Tracer.NOOP, Propagator.NOOP);

	private final Tracer tracer;

	private final Propagator propagator;

	public Traces(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Runs the work in a child span of the stored context.
	 * @param traceparent the stored W3C context, null for none
	 * @param name the span's name
	 * @param kind PRODUCER for a publish, CONSUMER for handling a record
	 * @param work what to do
	 */
	public void run(String traceparent, String name, Span.Kind kind, Runnable work) {
		call(traceparent, name, kind, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs the work in a child span of the stored context and returns what it returns.
	 * @param <T> the result type
	 * @param traceparent the stored W3C context, null for none
	 * @param name the span's name
	 * @param kind PRODUCER for a publish, CONSUMER for handling a record
	 * @param work what to do
	 * @return the work's result
	 */
	public <T> T call(String traceparent, String name, Span.Kind kind, Supplier<T> work) {
		Span.Builder builder = (traceparent != null)
				? this.propagator.extract(Map.of(TraceParent.HEADER, traceparent), Map::get)
				: this.tracer.spanBuilder();
		Span span = builder.name(name).kind(kind).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return work.get();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

}
