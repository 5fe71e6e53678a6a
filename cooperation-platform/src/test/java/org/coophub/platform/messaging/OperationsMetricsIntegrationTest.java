package org.coophub.platform.messaging;

import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the alerts of compose/prometheus read is on {@code /actuator/prometheus} of a
 * service built on the platform: the parked records and the age of the oldest, and the
 * binder's dead letters go through the counting partition function.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=operations-metrics-test",
				"spring.mongodb.database=operations-metrics-test" })
@WithInfrastructure
class OperationsMetricsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	DlqPartitionFunction dlqPartitions;

	@Test
	void theAgeOfTheOldestParkedRecordIsOnThePrometheusEndpoint() {
		this.mongo.remove(new Query(), "parkedEvents");
		assertThat(value(prometheus(), "coophub_events_parked_oldest_age_seconds")).isZero();

		// parked an hour ago (the machine's time: parking does not use the service's
		// clock)
		this.mongo.insert(new Document("_id", "e-parked").append("route", "test")
			.append("type", "org.coophub.review.scheduled.v1")
			.append("payload", "{}")
			.append("reason", "agreement a-1")
			.append("parkedAt", Date.from(Instant.now().minusSeconds(3600)))
			.append("attempts", 3)
			.append("nextAttemptAt", Date.from(Instant.now().plusSeconds(3600))), "parkedEvents");
		try {
			String metrics = prometheus();
			assertThat(value(metrics, "coophub_events_parked")).isOne();
			assertThat(value(metrics, "coophub_events_parked_oldest_age_seconds")).isBetween(3600.0, 3700.0);
		}
		finally {
			this.mongo.remove(Query.query(Criteria.where("_id").is("e-parked")), "parkedEvents");
		}
	}

	@Test
	void theBinderCountsDeadLettersThroughThePlatformsPartitionFunction() {
		assertThat(this.dlqPartitions).isInstanceOf(DeadLetterCounter.class);
	}

	private String prometheus() {
		return ServiceClients.asAdmin(this.port)
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static double value(String prometheus, String name) {
		Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(prometheus);
		assertThat(line.find()).as(name + " on /actuator/prometheus").isTrue();
		return Double.parseDouble(line.group(2));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class OperationsMetricsTestApplication {

	}

}
