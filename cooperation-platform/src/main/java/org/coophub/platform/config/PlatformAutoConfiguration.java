package org.coophub.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.coophub.platform.health.KafkaClusterHealthIndicator;
import org.coophub.platform.messaging.BatchDeadLetters;
import org.coophub.platform.messaging.CloudEventSender;
import org.coophub.platform.messaging.DeadLetterCounter;
import org.coophub.platform.messaging.EventRouter;
import org.coophub.platform.messaging.ParkedEvents;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxPoller;
import org.coophub.platform.outbox.OutboxRelay;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.projection.VersionedUpserts;
import org.coophub.platform.tracing.Traces;
import org.coophub.platform.web.ProblemDetailsAdvice;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.StringUtils;

/**
 * The shared runtime every service gets by depending on cooperation-platform: a Clock,
 * the outbox, CloudEvents publishing and routing, the topics, problem details.
 */
@AutoConfiguration
@EnableScheduling
@ComponentScan("org.coophub.platform.messaging")
public class PlatformAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Micrometer Tracing's beans where tracing is on (always, in the services: sampling
	 * 1.0), spans that record nothing where it is turned off.
	 */
	@Bean
	Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new Traces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	/**
	 * Probes and scrapes ask {@code /actuator} every few seconds; as traces they would
	 * bury the requests people made.
	 */
	@Bean
	ObservationPredicate noTracesOfActuatorRequests() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier().getRequestURI().startsWith("/actuator"));
	}

	@Bean
	@ConditionalOnMissingBean
	EventSender eventSender(StreamBridge bridge, @Value("${spring.application.name}") String serviceName,
			Traces traces) {
		return new CloudEventSender(bridge, serviceName, traces);
	}

	/**
	 * Named {@code kafka} in {@code /actuator/health}; the platform defaults put it in
	 * the readiness group, beside {@code mongo}.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaProperties kafka,
			@Value("${coophub.health.kafka-timeout:2s}") Duration timeout) {
		return new KafkaClusterHealthIndicator(kafka.buildAdminProperties(), timeout);
	}

	@Bean
	OutboxRelay outboxRelay(MongoTemplate mongo, EventSender sender, Clock clock,
			@Value("${coophub.outbox.grace}") Duration grace, @Value("${coophub.outbox.relay-lanes}") int lanes,
			@Value("${coophub.outbox.removal-delay}") Duration removalDelay) {
		return new OutboxRelay(mongo, sender, clock, grace, lanes, removalDelay);
	}

	@Bean
	OutboxWriter outboxWriter(MongoTemplate mongo, JsonMapper json, OutboxRelay relay) {
		return new OutboxWriter(mongo, json, relay);
	}

	@Bean
	OutboxPoller outboxPoller(OutboxRelay relay, MongoMappingContext mappingContext, Clock clock,
			@Value("${coophub.outbox.sweep-interval}") Duration sweepInterval) {
		return new OutboxPoller(relay, mappingContext, clock, sweepInterval);
	}

	@Bean
	MeterBinder outboxBacklogMetrics(OutboxRelay relay, OutboxPoller poller) {
		return (registry) -> poller.outboxCollections().forEach((collection) -> {
			Gauge.builder("coophub.outbox.backlog", relay, (r) -> r.backlog().getOrDefault(collection, 0L))
				.tag("collection", collection)
				.description("Events stored but not yet acknowledged by Kafka")
				.register(registry);
			Gauge
				.builder("coophub.outbox.oldest.age", relay,
						(r) -> r.oldestAge().getOrDefault(collection, Duration.ZERO).toMillis() / 1000.0)
				.tag("collection", collection)
				.baseUnit("seconds")
				.description("How long the oldest event not yet acknowledged by Kafka has waited")
				.register(registry);
		});
	}

	/**
	 * The driver's default waits 30 s for a server before failing; a request should get
	 * its 503 long before the client gives up, and the service should notice the server's
	 * return quickly.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer failFastWhenMongoIsDown(
			@Value("${coophub.mongodb.server-selection-timeout:3s}") Duration selection,
			@Value("${coophub.mongodb.connect-timeout:2s}") Duration connect) {
		return (settings) -> settings
			.applyToClusterSettings(
					(cluster) -> cluster.serverSelectionTimeout(selection.toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS))
			.applyToServerSettings((server) -> server.heartbeatFrequency(1000, TimeUnit.MILLISECONDS));
	}

	@Bean
	VersionedUpserts versionedUpserts(MongoTemplate mongo) {
		return new VersionedUpserts(mongo);
	}

	/**
	 * Pauses between attempts are the machine's time, not the service's clock, which
	 * tests and demos move.
	 */
	@Bean
	ParkedEvents parkedEvents(MongoTemplate mongo) {
		return new ParkedEvents(mongo, Clock.systemUTC());
	}

	@Bean
	EventRouter eventRouter(JsonMapper json, ParkedEvents parked, Traces traces) {
		return new EventRouter(json, parked, traces);
	}

	@Bean
	BatchDeadLetters batchDeadLetters(KafkaProperties kafka) {
		return new BatchDeadLetters(kafka);
	}

	@Bean
	MeterBinder parkedEventMetrics(ParkedEvents parked) {
		return (registry) -> {
			Gauge.builder("coophub.events.parked", parked, ParkedEvents::count)
				.description("Records waiting for an event they refer to")
				.register(registry);
			Gauge.builder("coophub.events.parked.oldest.age", parked, (p) -> p.oldestAge().toMillis() / 1000.0)
				.baseUnit("seconds")
				.description("How long the oldest parked record has waited")
				.register(registry);
		};
	}

	/**
	 * Counts what the binder sends to a dead-letter topic; the binder asks this function
	 * for the partition of each dead letter, and it keeps the binder's default.
	 */
	@Bean
	DeadLetterCounter deadLetterCounter(ObjectProvider<MeterRegistry> registry,
			ObjectProvider<BindingServiceProperties> bindings) {
		BindingServiceProperties properties = bindings.getIfAvailable();
		return new DeadLetterCounter(registry.getIfAvailable(SimpleMeterRegistry::new),
				(properties != null) ? subscriptions(properties) : List.of());
	}

	/**
	 * The topics of the consumer bindings, those with a group (a destination may list
	 * several, comma-separated): their dead-letter counters start at zero.
	 */
	private static List<DeadLetterCounter.Subscription> subscriptions(BindingServiceProperties properties) {
		List<DeadLetterCounter.Subscription> subscriptions = new ArrayList<>();
		properties.getBindings().values().forEach((binding) -> {
			if (StringUtils.hasText(binding.getGroup()) && StringUtils.hasText(binding.getDestination())) {
				for (String topic : StringUtils.commaDelimitedListToStringArray(binding.getDestination())) {
					subscriptions.add(new DeadLetterCounter.Subscription(topic.trim(), binding.getGroup()));
				}
			}
		});
		return subscriptions;
	}

	@Bean
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

}
