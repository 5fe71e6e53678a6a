package org.coophub.systemtests.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.core.ConditionTimeoutException;
import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.ServiceProcess;
import org.coophub.localstack.process.StackService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery guarantees of docs/reliability.md proven on the running stack: every
 * request the system accepted reaches every projection and side effect once, whatever
 * breaks meanwhile. Each scenario writes its figures to
 * {@code system-tests/target/reliability.md}; docs/reliability.md keeps a curated copy,
 * so running the tests never rewrites a tracked file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryGuaranteesSystemTest {

	static final List<String> CONSUMED = List.of("agreement-events", "activity-events");

	static final Duration RESTART = Duration.ofMinutes(3);

	private final Reliability results = new Reliability();

	private final Map<String, Effects> settledByTag = new LinkedHashMap<>();

	private final Map<String, String> agreementByTag = new LinkedHashMap<>();

	private final Random random = new Random();

	private LocalStack stack;

	private StackHttp http;

	private Program program;

	private KafkaTools kafka;

	@BeforeAll
	void startStack() throws IOException {
		this.stack = LocalStack.options()
			.freePorts()
			.dataDirectory(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "reliability-stack-"))
			.projectRoot(Path.of("..").toAbsolutePath().normalize())
			.demoData(false)
			.start();
		this.http = new StackHttp(this.stack);
		this.program = Program.register(this.http);
		this.kafka = new KafkaTools(this.stack.kafkaBootstrapServers());
	}

	@AfterAll
	void stopStack() {
		this.results.writeTo(Path.of("target", "reliability.md").toAbsolutePath());
		if (this.stack != null) {
			this.stack.close();
		}
	}

	@Test
	@Order(1)
	void aBrokerOutageDelaysButLosesNothing() throws Exception {
		String agreement = agreement("BROKER");
		ActivityLoad load = ActivityLoad.start(this.program, agreement, "BROKER", 10);
		awaitAccepted(load, 10);
		this.stack.kafka().stop();
		Instant down = Instant.now();
		awaitAccepted(load, load.acceptedCount() + 20);
		double backlog = await().atMost(Reliability.PROPAGATION)
			.until(() -> outboxBacklog(StackService.ACTIVITY), (value) -> value > 0);
		this.stack.kafka().start();
		Duration outage = Duration.between(down, Instant.now());
		load.close();

		Reliability.Row row = settle("Broker outage", "BROKER", load, Instant.now(),
				"broker down %.0f s; activity outbox backlog seen at %.0f".formatted(outage.toMillis() / 1000.0,
						backlog));

		assertThat(load.refused()).as("HTTP keeps accepting while Kafka is down").isEmpty();
		assertNothingLostOrDuplicated(row);
	}

	@Test
	@Order(2)
	void aServiceKilledAtARandomMomentLosesNothing() throws Exception {
		String agreement = agreement("CRASH");
		ActivityLoad load = ActivityLoad.start(this.program, agreement, "CRASH", 2);
		List<String> kills = new ArrayList<>();
		// identity-service too: its signing key is in MongoDB, so the tokens the clients
		// and services hold stay valid across its restart
		for (StackService service : StackService.values()) {
			awaitAccepted(load, load.acceptedCount() + 3 + this.random.nextInt(10));
			ServiceProcess process = this.stack.service(service);
			process.kill();
			process.start().awaitHealthy(RESTART);
			kills.add(service.moduleName() + " at #" + load.acceptedCount());
		}
		awaitAccepted(load, load.acceptedCount() + 5);
		load.close();
		Instant loadEnded = Instant.now();
		// a send the kill cut off stays SENDING until its claim lease lapses, then goes
		// out
		// again: wait for that here, so that it counts in this scenario and no later one
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> sendsInFlight(agreement) == 0);

		Reliability.Row row = settle("Service crash (kill -9, each in turn)", "CRASH", load, loadEnded,
				String.join(", ", kills));

		// a kill between the SMTP server taking a mail and the ledger recording it
		// resends it
		assertNothingLostOrDuplicated(row, 1);
	}

	@Test
	@Order(3)
	void replayingEveryRecordChangesNoProjectionAndSendsNoMail() throws Exception {
		String agreement = agreement("REPLAY");
		ActivityLoad load = ActivityLoad.start(this.program, agreement, "REPLAY", 10);
		awaitAccepted(load, 20);
		load.close();
		settle("Replay: before", "REPLAY", load, Instant.now(), "baseline for the replay below");
		// a mail still being sent now (the probe's) would be counted as sent again below
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> sendsInFlight(agreement) == 0);
		int mailsBefore = this.stack.smtp().messages().size();

		for (StackService service : List.of(StackService.REPORTING, StackService.NOTIFICATION)) {
			ServiceProcess process = this.stack.service(service);
			process.stop(Duration.ofSeconds(30));
			// a member that did not leave politely stays until its session times out
			await().atMost(Reliability.PROPAGATION).until(() -> this.kafka.members(service.moduleName()) == 0);
			this.kafka.resetToEarliest(service.moduleName(), CONSUMED);
			process.start().awaitHealthy(RESTART);
		}
		int republished = this.kafka.republish(this.kafka.readAll("activity-events"));
		Instant replayed = Instant.now();
		await().atMost(Reliability.PROPAGATION)
			.until(() -> this.kafka.lag("reporting-service", CONSUMED) == 0
					&& this.kafka.lag("notification-service", CONSUMED) == 0);

		Reliability.Row row = settle("Replay: groups reset to earliest + every activity record republished", "REPLAY",
				load, replayed, "%d records republished with their event ids".formatted(republished));

		assertNothingLostOrDuplicated(row);
		assertThat(this.stack.smtp().messages()).as("no mail sent again").hasSize(mailsBefore);
		for (String tag : List.of("BROKER", "CRASH")) {
			assertThat(effects(tag)).as("%s after the replay", tag).isEqualTo(this.settledByTag.get(tag));
		}
	}

	@Test
	@Order(4)
	void poisonMessagesGoToTheDeadLetterTopicsAndThePartitionKeepsFlowing() throws Exception {
		String agreement = agreement("POISON");
		long reportingDeadBefore = this.kafka.totalRecords("error.activity-events.reporting-service");
		long notificationDeadBefore = this.kafka.totalRecords("error.activity-events.notification-service");

		this.kafka.sendRaw("activity-events", agreement, "org.coophub.activity.recorded.v1",
				"{\"eventId\": \"broken".getBytes(StandardCharsets.UTF_8));
		this.kafka.sendRaw("activity-events", agreement, "org.coophub.activity.teleported.v1",
				"{}".getBytes(StandardCharsets.UTF_8));
		this.kafka.sendRaw("activity-events", agreement, "org.coophub.activity.recorded.v1",
				activityOfAnAgreementNobodyKnows().getBytes(StandardCharsets.UTF_8));
		ActivityLoad load = ActivityLoad.start(this.program, agreement, "POISON", 10);
		awaitAccepted(load, 10);
		load.close();

		Reliability.Row row = settle("Poison messages (malformed JSON, unknown type, unknown agreement)", "POISON",
				load, Instant.now(), "records behind the poison, on the same partition, all applied; "
						+ "the unknown agreement's activity parked in notification-service");

		assertNothingLostOrDuplicated(row);
		await().atMost(Reliability.PROPAGATION)
			.until(() -> this.kafka.totalRecords("error.activity-events.notification-service")
					- notificationDeadBefore == 2);
		assertThat(gauge(StackService.NOTIFICATION, "coophub.events.parked"))
			.as("an activity of an agreement not known (yet) waits for it, parked")
			.isGreaterThanOrEqualTo(1);
		assertThat(this.kafka.totalRecords("error.activity-events.reporting-service") - reportingDeadBefore)
			.as("reporting dead-letters what it cannot read")
			.isGreaterThanOrEqualTo(2);
		List<ConsumerRecord<byte[], byte[]>> dead = this.kafka.readAll("error.activity-events.notification-service");
		assertThat(dead).last()
			.satisfies((record) -> assertThat(headerNames(record))
				.anyMatch((name) -> name.toLowerCase(java.util.Locale.ROOT).contains("exception-message")));
	}

	@Test
	@Order(5)
	void aMongoOutageAnswers503AndRecoversByItself() throws Exception {
		String agreement = agreement("MONGO");
		ActivityLoad load = ActivityLoad.start(this.program, agreement, "MONGO", 5);
		awaitAccepted(load, 5);
		this.stack.mongo().stop();
		StackHttp.Answer refused = await().atMost(Reliability.PROPAGATION)
			.until(() -> this.program.recordConference(agreement, "MONGO-refused"), (answer) -> answer.status() == 503);
		StackHttp.Answer dashboard = this.http.send(StackService.REPORTING, "GET",
				"/api/v1/dashboard/agreements/" + agreement, null);
		this.stack.mongo().start();
		Instant back = Instant.now();
		awaitAccepted(load, load.acceptedCount() + 5);
		load.close();
		// a send the outage cut off between the SMTP server taking it and the ledger
		// recording it stays SENDING until its lease lapses, then goes out again
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> sendsInFlight(agreement) == 0);

		Reliability.Row row = settle("MongoDB outage", "MONGO", load, back, "refused while down: " + load.refused());

		assertThat(refused.isProblem()).as(refused.body()).isTrue();
		assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.");
		assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(503);
		assertThat(this.settledByTag.get("MONGO").stored()).as("no refused request was stored")
			.doesNotContain("MONGO-refused")
			.hasSize(load.acceptedCount() + 1);
		// like a crash, an outage right after the SMTP server took a mail resends it
		assertNothingLostOrDuplicated(row, 1);
	}

	@Test
	@Order(6)
	void twoInstancesOfEachConsumingServiceShareTheWorkOnce() throws Exception {
		String agreement = agreement("TWIN");
		int reportingConsumers = this.kafka.members("reporting-service");
		int notificationConsumers = this.kafka.members("notification-service");
		ActivityLoad load = ActivityLoad.start(this.program, agreement, "TWIN", 5);
		this.stack.startAnotherInstance(StackService.REPORTING);
		this.stack.startAnotherInstance(StackService.NOTIFICATION);
		awaitAccepted(load, load.acceptedCount() + 20);
		load.close();

		Reliability.Row row = settle("Two instances of reporting and notification (rebalance under load)", "TWIN", load,
				Instant.now(), "consumer group members: reporting %d, notification %d"
					.formatted(this.kafka.members("reporting-service"), this.kafka.members("notification-service")));

		assertThat(this.kafka.members("notification-service")).as("one consumer per binding and instance")
			.isEqualTo(2 * notificationConsumers);
		assertThat(this.kafka.members("reporting-service")).isEqualTo(2 * reportingConsumers);
		assertNothingLostOrDuplicated(row);
	}

	@Test
	@Order(7)
	void nothingArrivesLateOrTwiceAfterward() {
		await().atMost(Reliability.PROPAGATION)
			.until(() -> this.kafka.lag("reporting-service", CONSUMED) == 0
					&& this.kafka.lag("notification-service", CONSUMED) == 0);
		this.settledByTag.forEach((tag, settled) -> assertThat(effects(tag)).as(tag).isEqualTo(settled));
	}

	private String agreement(String tag) {
		String agreement = this.program.activeAgreement(tag);
		this.agreementByTag.put(tag, agreement);
		return agreement;
	}

	private void awaitAccepted(ActivityLoad load, int count) {
		await().atMost(Reliability.PROPAGATION).until(() -> load.acceptedCount() >= count);
	}

	private Reliability.Row settle(String scenario, String tag, ActivityLoad load, Instant faultEnded, String notes) {
		Effects effects;
		try {
			effects = await().atMost(Reliability.PROPAGATION)
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> effects(tag), Effects::settled);
		}
		catch (ConditionTimeoutException ex) {
			effects = effects(tag);
		}
		this.settledByTag.put(tag, effects);
		return this.results.add(scenario, load, effects, Duration.between(faultEnded, Instant.now()), notes);
	}

	private Effects effects(String tag) {
		return Effects.of(this.stack, this.http, this.agreementByTag.get(tag), tag);
	}

	private int sendsInFlight(String agreement) {
		JsonNode page = this.http.get(StackService.NOTIFICATION,
				"/api/v1/notifications?status=SENDING&agreementId=" + agreement);
		return page.path("content").size();
	}

	private double outboxBacklog(StackService service) {
		return gauge(service, "coophub.outbox.backlog");
	}

	private double gauge(StackService service, String name) {
		JsonNode metric = this.http.get(service, "/actuator/metrics/" + name);
		return (metric == null) ? 0 : metric.at("/measurements/0/value").asDouble();
	}

	private static void assertNothingLostOrDuplicated(Reliability.Row row) {
		assertNothingLostOrDuplicated(row, 0);
	}

	private static void assertNothingLostOrDuplicated(Reliability.Row row, int notificationCrashes) {
		assertThat(row.lost()).as("%s: lost", row.scenario()).isZero();
		assertThat(row.duplicates()).as("%s: duplicated", row.scenario()).isZero();
		assertThat(row.resent()).as("%s: resent", row.scenario()).isLessThanOrEqualTo(notificationCrashes);
		assertThat(row.accepted()).as("%s: accepted", row.scenario()).isPositive();
	}

	private static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
		List<String> names = new ArrayList<>();
		for (Header header : record.headers()) {
			names.add(header.key());
		}
		return names;
	}

	private static String activityOfAnAgreementNobodyKnows() {
		String id = UUID.randomUUID().toString();
		return """
				{"eventId":"%s","occurredAt":"2025-05-20T01:00:00Z","activityId":"%s","version":1,
				 "activity":{"id":"%s","agreementId":"no-such-agreement","type":"INVESTMENT_PROMOTION_CONFERENCE",
				 "title":{"vi":"Hội nghị không thuộc chương trình nào"},"startsAt":"2025-05-20T08:00:00",
				 "endsAt":"2025-05-20T17:00:00","timeZone":"Asia/Ho_Chi_Minh","hostOrganizationId":"org-x",
				 "participantOrganizationIds":["org-y"],"commitmentIds":[],"status":"COMPLETED"}}
				""".formatted(UUID.randomUUID(), id, id);
	}

}
