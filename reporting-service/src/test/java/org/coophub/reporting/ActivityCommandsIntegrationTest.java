package org.coophub.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.coophub.events.DomainEvent;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.notification.NotificationSent;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.reporting.dashboard.DashboardProjection;
import org.coophub.reporting.dashboard.LiveBatch;
import org.coophub.testsupport.MongoCommandCounts;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What applying the events of one activity costs in MongoDB commands (issue 17: a bounded
 * number per event, however much is stored), so that a change adding a command fails the
 * build. The same context as {@link DashboardIntegrationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ActivityCommandsIntegrationTest {

	/**
	 * The stored entry read, the change counted in the agreement's portfolio summary, the
	 * entry stored.
	 */
	static final long RECORDED = 3;

	/** The same for the outcome of the notice mailed about it. */
	static final long MAILED = 3;

	/** Activities in one poll of a batch binding. */
	static final int POLL = 10;

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry registry;

	@Autowired
	DashboardProjection dashboards;

	RestTestClient http;

	String agreementId;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		this.agreementId = UUID.randomUUID().toString();
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 2,
				DashboardTestData.agreement(this.agreementId)));
		publish(recorded("act-0-" + this.agreementId));
		await().until(this::dashboard, (d) -> d != null && d.get("activityCount").asInt() == 1);
	}

	@Test
	void anActivityAndTheOutcomeOfItsNoticeCostABoundedNumberOfCommands() {
		Map<String, Long> recorded = cheapestOfThree((i) -> recorded("act-" + i + "-" + this.agreementId),
				"update dashboard_activities");
		Map<String, Long> mailed = cheapestOfThree(
				(i) -> new NotificationSent(UUID.randomUUID().toString(), Instant.now(),
						"activity-recorded:" + i + ":" + this.agreementId + ":vanphong@hcm.example", 4,
						this.agreementId, "activity-recorded", "vanphong@hcm.example", "vi", false),
				"update dashboard_notifications");
		System.out.println("MongoDB commands of one activity.recorded in reporting-service: " + recorded);
		System.out.println("MongoDB commands of one notification.sent in reporting-service: " + mailed);

		assertThat(MongoCommandCounts.total(recorded)).as("commands of activity.recorded: %s", recorded)
			.isLessThanOrEqualTo(RECORDED);
		assertThat(MongoCommandCounts.total(mailed)).as("commands of notification.sent: %s", mailed)
			.isLessThanOrEqualTo(MAILED);
		// and the dashboard counted each once
		JsonNode dashboard = await().until(this::dashboard,
				(d) -> d.get("activityCount").asInt() == 4 && d.at("/notifications/sent").asInt() == 3);
		assertThat(dashboard.at("/conferenceTotals/investorsAttending").asInt()).isEqualTo(4 * 120);
	}

	@Test
	void aPollOfActivitiesIsWrittenWithOneCommandPerCollection() {
		Map<String, Long> before = MongoCommandCounts.snapshot(this.registry);
		LiveBatch poll = this.dashboards.liveBatch();
		for (int i = 1; i <= POLL; i++) {
			String activityId = "poll-" + i + "-" + this.agreementId;
			poll.activity(DashboardTestData.conference(this.agreementId, activityId, 120, "350000000000"), 1,
					Instant.now());
		}
		poll.write();
		Map<String, Long> commands = MongoCommandCounts.without(MongoCommandCounts.since(this.registry, before),
				ActivityCommandsIntegrationTest::polled);
		System.out.println("MongoDB commands of a poll of " + POLL + " activity.recorded: " + commands);

		assertThat(commands)
			.as("the stored entries read at once, one bulk write for the summaries, one for the entries")
			.isEqualTo(
					Map.of("find dashboard_activities", 1L, "update portfolio", 1L, "update dashboard_activities", 1L));
		JsonNode dashboard = await().until(this::dashboard, (d) -> d.get("activityCount").asInt() == 1 + POLL);
		assertThat(dashboard.at("/conferenceTotals/investorsAttending").asInt()).isEqualTo((1 + POLL) * 120);
	}

	private Map<String, Long> cheapestOfThree(Function<Integer, DomainEvent> event, String lastWrite) {
		List<Map<String, Long>> measured = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			Map<String, Long> before = MongoCommandCounts.snapshot(this.registry);
			publish(event.apply(i));
			measured.add(MongoCommandCounts.settled(this.registry, before, ActivityCommandsIntegrationTest::polled,
					() -> MongoCommandCounts.since(this.registry, before).containsKey(lastWrite)));
		}
		return MongoCommandCounts.cheapest(measured);
	}

	/** The parked records' retry, every second. */
	static boolean polled(String key) {
		return key.endsWith(" parkedEvents");
	}

	private ActivityRecorded recorded(String activityId) {
		return new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(), activityId, 1,
				DashboardTestData.conference(this.agreementId, activityId, 120, "350000000000"));
	}

	private JsonNode dashboard() {
		var result = this.http.get()
			.uri("/api/v1/dashboard/agreements/{id}", this.agreementId)
			.exchange()
			.expectBody()
			.returnResult();
		return result.getStatus().is2xxSuccessful() ? this.json.readTree(result.getResponseBody()) : null;
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

}
