package org.coophub.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.coophub.platform.messaging.CloudEventSender;
import org.coophub.platform.messaging.EventRouter;
import org.coophub.platform.messaging.ParkedEvents;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxPoller;
import org.coophub.platform.outbox.OutboxRelay;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.projection.VersionedUpserts;
import org.coophub.platform.web.ProblemDetailsAdvice;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.scheduling.annotation.EnableScheduling;

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

	@Bean
	@ConditionalOnMissingBean
	EventSender eventSender(StreamBridge bridge, @Value("${spring.application.name}") String serviceName) {
		return new CloudEventSender(bridge, serviceName);
	}

	@Bean
	OutboxRelay outboxRelay(MongoTemplate mongo, EventSender sender, Clock clock,
			@Value("${coophub.outbox.grace}") Duration grace, @Value("${coophub.outbox.relay-lanes}") int lanes) {
		return new OutboxRelay(mongo, sender, clock, grace, lanes);
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
		return (registry) -> poller.outboxCollections()
			.forEach((collection) -> Gauge
				.builder("coophub.outbox.backlog", relay, (r) -> r.backlog().getOrDefault(collection, 0L))
				.tag("collection", collection)
				.description("Events stored but not yet acknowledged by Kafka")
				.register(registry));
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
	EventRouter eventRouter(JsonMapper json, ParkedEvents parked) {
		return new EventRouter(json, parked);
	}

	@Bean
	MeterBinder parkedEventMetrics(ParkedEvents parked) {
		return (registry) -> Gauge.builder("coophub.events.parked", parked, ParkedEvents::count)
			.description("Records waiting for an event they refer to")
			.register(registry);
	}

	@Bean
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

}
