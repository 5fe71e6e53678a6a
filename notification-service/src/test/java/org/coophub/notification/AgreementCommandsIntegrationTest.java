package org.coophub.notification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyAccepted;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.testsupport.MongoCommandCounts;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the agreement events of one agreement cost notification-service's agreement-events
 * consumer in MongoDB commands, as the benchmark's reminders phase sends them (created as
 * a draft with both parties pending, each party's acceptance, the activation): issue 17,
 * 10,000 review schedules planned within 60 s of the last activation. Counted on the
 * consumer's thread only, so the pollers (mail dispatch, review wake-ups, parked records)
 * and the outbox relay are not in the figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class AgreementCommandsIntegrationTest {

	/**
	 * The draft: the agreement upserted, its schedule read and inserted; nothing planned,
	 * as an agreement never ACTIVE has no reminder to plan or cancel. Before: 6 (the
	 * schedule and the agreement read again, the reminders cancelled).
	 */
	static final long CREATED = 3;

	/** An acceptance: as the draft, and the moment of acceptance upserted. Before: 7. */
	static final long ACCEPTED = 4;

	/**
	 * The activation: the agreement upserted, its schedule read and saved, the agreement
	 * with its parties' organizations and acceptances read in one aggregation, the six
	 * reminders (2 contacts × lead 7, overdue 1 and 7) inserted in one bulk. Before: 17
	 * (both read again, each organization and acceptance read, each reminder inserted,
	 * the others cancelled, the sent ones read for calendar changes).
	 */
	static final long ACTIVATED = 5;

	/**
	 * The activation delivered again, the full replanning of an agreement already active:
	 * the upsert finds its version, the schedule read, the aggregation, the reminders
	 * inserted in one bulk that finds them all, the cancelled ones among them planned
	 * again (none), the others cancelled (none), the sent ones read for calendar changes.
	 */
	static final long REPLANNED = 7;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoCommandsByThread commands;

	PartiesFixture test;

	MongoTemplate mongo;

	@BeforeEach
	void setUp() {
		this.test = PartiesFixture.start(this.context);
		this.mongo = this.test.mongo();
		this.test.registerParties();
		await().until(() -> this.mongo.exists(Query.query(Criteria.where("_id").in(this.test.ld(), this.test.hcm())),
				"known_organizations")
				&& this.mongo.count(Query.query(Criteria.where("_id").in(this.test.ld(), this.test.hcm())),
						"known_organizations") == 2);
	}

	@Test
	void eachAgreementEventCostsABoundedNumberOfCommandsAndTheActivationPlansTheReminders() {
		Map<String, List<Map<String, Long>>> measured = new LinkedHashMap<>();
		for (int i = 0; i < 3; i++) {
			String agreementId = "agr-cmd-" + i + "-" + this.test.run();
			measure(measured, "created",
					new AgreementCreated(UUID.randomUUID().toString(), this.test.now(), agreementId, 1,
							agreement(agreementId, AgreementStatus.DRAFT, PartyConsent.PENDING, PartyConsent.PENDING)),
					(grown) -> knownVersion(agreementId) == 1);
			measure(measured, "party-accepted",
					new PartyAccepted(UUID.randomUUID().toString(), this.test.now(), agreementId, 2,
							agreement(agreementId, AgreementStatus.DRAFT, PartyConsent.ACCEPTED, PartyConsent.PENDING),
							this.test.ld(), null, "ld@LD"),
					(grown) -> knownVersion(agreementId) == 2);
			measure(measured, "party-accepted",
					new PartyAccepted(UUID.randomUUID().toString(), this.test.now(), agreementId, 3,
							agreement(agreementId, AgreementStatus.DRAFT, PartyConsent.ACCEPTED, PartyConsent.ACCEPTED),
							this.test.hcm(), null, "hcm@HCM"),
					(grown) -> knownVersion(agreementId) == 3);
			AgreementStatusChanged activated = new AgreementStatusChanged(UUID.randomUUID().toString(), this.test.now(),
					agreementId, 4,
					agreement(agreementId, AgreementStatus.ACTIVE, PartyConsent.ACCEPTED, PartyConsent.ACCEPTED));
			measure(measured, "activated", activated, (grown) -> planned(agreementId) == 6);
			// the calendar changes are looked for last
			measure(measured, "activated again", activated, (grown) -> grown.containsKey("find notifications"));
			assertThat(planned(agreementId)).isEqualTo(6);
			assertThat(this.mongo.count(Query.query(Criteria.where("agreementId").is(agreementId)), "notifications"))
				.as("nothing cancelled")
				.isEqualTo(6);
			assertThat(this.mongo.findDistinct(Query.query(Criteria.where("agreementId").is(agreementId)), "_id",
					"notifications", String.class))
				.containsExactlyInAnyOrder(key(agreementId, "lead7", "xuctien"),
						key(agreementId, "overdue1", "xuctien"), key(agreementId, "overdue7", "xuctien"),
						key(agreementId, "lead7", "vanphong"), key(agreementId, "overdue1", "vanphong"),
						key(agreementId, "overdue7", "vanphong"));
		}
		Map<String, Map<String, Long>> cost = new LinkedHashMap<>();
		measured.forEach((event, runs) -> cost.put(event, MongoCommandCounts.cheapest(runs)));
		System.out.println("MongoDB commands of agreement events in notification-service's consumer: " + cost);

		assertThat(MongoCommandCounts.total(cost.get("created"))).as("created: %s", cost).isLessThanOrEqualTo(CREATED);
		assertThat(MongoCommandCounts.total(cost.get("party-accepted"))).as("party-accepted: %s", cost)
			.isLessThanOrEqualTo(ACCEPTED);
		assertThat(MongoCommandCounts.total(cost.get("activated"))).as("activated: %s", cost)
			.isLessThanOrEqualTo(ACTIVATED);
		assertThat(cost.get("activated")).as("one bulk insert").containsEntry("insert notifications", 1L);
		assertThat(MongoCommandCounts.total(cost.get("activated again"))).as("activated again: %s", cost)
			.isLessThanOrEqualTo(REPLANNED);
	}

	/**
	 * Publishes the event and counts the consumer's commands until it is applied and no
	 * further command came for 300 ms (the handler's commands follow each other within
	 * milliseconds).
	 */
	private void measure(Map<String, List<Map<String, Long>>> measured, String name, DomainEvent event,
			Predicate<Map<String, Long>> applied) {
		Predicate<String> consumer = AgreementCommandsIntegrationTest::agreementEventsConsumer;
		Map<String, Long> before = this.commands.snapshot(consumer);
		this.test.publish(event);
		List<Map<String, Long>> last = new ArrayList<>();
		Map<String, Long> grown = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> {
				Map<String, Long> now = since(this.commands.snapshot(consumer), before);
				boolean quiet = !last.isEmpty() && now.equals(last.get(0)) && applied.test(now);
				last.clear();
				last.add(now);
				return quiet ? now : null;
			}, (result) -> result != null);
		measured.computeIfAbsent(name, (key) -> new ArrayList<>()).add(grown);
	}

	/**
	 * The binding's consumer threads, one per partition it was given (the binder names
	 * them after the destination).
	 */
	static boolean agreementEventsConsumer(String thread) {
		return thread.contains("consumerDestinationName='agreement-events'");
	}

	private static Map<String, Long> since(Map<String, Long> now, Map<String, Long> before) {
		Map<String, Long> grown = new TreeMap<>();
		now.forEach((key, count) -> {
			long more = count - before.getOrDefault(key, 0L);
			if (more > 0) {
				grown.put(key, more);
			}
		});
		return grown;
	}

	private String key(String agreementId, String moment, String contact) {
		return "review:" + agreementId + ":2026:2026-11-06:" + moment + ":" + this.test.email(contact);
	}

	private long knownVersion(String agreementId) {
		org.bson.Document known = this.mongo.findById(agreementId, org.bson.Document.class, "known_agreements");
		return (known != null) ? ((Number) known.get("version")).longValue() : 0;
	}

	private long planned(String agreementId) {
		return this.mongo.count(Query.query(Criteria.where("agreementId").is(agreementId).and("status").is("PLANNED")),
				"notifications");
	}

	/** As the benchmark's: the review on 6 November, reminded 7 days before. */
	private AgreementState agreement(String id, AgreementStatus status, PartyConsent ld, PartyConsent hcm) {
		return new AgreementState(id, "IT-" + id, new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party(this.test.ld(), PartyRole.LEAD, ld),
						new Party(this.test.hcm(), PartyRole.PARTNER, hcm)),
				LocalDate.of(2020, 1, 15), LocalDate.of(2020, 1, 15), LocalDate.of(2035, 12, 31), "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), status, List.of(), new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh",
						List.of(this.test.hcm(), this.test.ld()), this.test.ld(), List.of(7)));
	}

}
