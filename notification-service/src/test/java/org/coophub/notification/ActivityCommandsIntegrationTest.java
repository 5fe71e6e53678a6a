package org.coophub.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.coophub.events.DomainEvent;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Contact;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.MongoCommandCounts;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one recorded activity costs notification-service in MongoDB commands, from the
 * event to the notice mailed to the other party's contact and its outcome published
 * (issue 17: a bounded number per event, however much is stored), so that a change adding
 * a command fails the build. The same context as
 * {@link ActivityNotificationIntegrationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class ActivityCommandsIntegrationTest {

	/**
	 * The activity logged for review digests; the agreement read with its parties'
	 * organizations and acceptances (one aggregation); the notice planned, claimed,
	 * recorded as sent and its event removed from the outbox once published. Before issue
	 * 17: 9 (the agreement, each organization and the acceptances read one by one).
	 */
	static final long RECORDED = 6;

	@Autowired
	MutableClock clock;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry registry;

	String run;

	String ld;

	String hcm;

	String agreementId;

	@BeforeEach
	void setUp() throws Exception {
		this.clock.set(TestClockConfiguration.START);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.ld = "org-ld-" + this.run;
		this.hcm = "org-hcm-" + this.run;
		this.agreementId = "agr-" + this.run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), now(), this.ld, 1,
				organization(this.ld, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng", "xuctien")));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), now(), this.hcm, 1,
				organization(this.hcm, "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM", "vanphong")));
		publish(new AgreementCreated(UUID.randomUUID().toString(), now(), this.agreementId, 2, agreement()));
		// the first notice also waits for the directory to know everyone
		publish(recorded(0));
		await().until(() -> mailsToLd() == 1);
	}

	@Test
	void aRecordedActivityCostsABoundedNumberOfCommandsUntilItsNoticeIsMailed() throws Exception {
		List<Map<String, Long>> measured = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			int mails = i + 1;
			Map<String, Long> before = MongoCommandCounts.snapshot(this.registry);
			publish(recorded(i));
			measured.add(MongoCommandCounts.settled(this.registry, before, ActivityCommandsIntegrationTest::polled,
					() -> mailsToLd() == mails));
		}
		Map<String, Long> cost = MongoCommandCounts.cheapest(measured);
		System.out.println("MongoDB commands of one activity.recorded in notification-service: " + cost);

		assertThat(MongoCommandCounts.total(cost)).as("commands of activity.recorded: %s", cost)
			.isLessThanOrEqualTo(RECORDED);
		assertThat(mailsToLd()).isEqualTo(4);
		assertThat(mailsTo("vanphong-" + this.run)).as("the host is not told of its own activity").isZero();
	}

	/**
	 * The pollers: mail dispatch, digests and review wake-ups (every 200 ms in tests),
	 * parked records (every second). Each sends a find.
	 */
	static boolean polled(String key) {
		return List
			.of("find notifications", "find digest_entries", "find review_schedules", "find parkedEvents",
					"count parkedEvents")
			.contains(key);
	}

	private long mailsToLd() {
		return mailsTo("xuctien-" + this.run);
	}

	private static long mailsTo(String marker) {
		return Arrays.stream(TestInfrastructure.get().mail().receivedMessages()).filter((m) -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch((a) -> a.toString().contains(marker));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	private OrganizationState organization(String id, String name, String contact) {
		return new OrganizationState(id, id.toUpperCase(), new LocalizedText(name, null), "INDUSTRIAL_ZONE_AUTHORITY",
				null, List.of(),
				List.of(new Contact(contact, contact + "-" + this.run + "@example.org", null, null, null, "vi", true)),
				true);
	}

	private AgreementState agreement() {
		return new AgreementState(this.agreementId, "IT-" + this.agreementId,
				new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party(this.ld, PartyRole.LEAD), new Party(this.hcm, PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(this.hcm, this.ld), this.hcm, List.of(30, 7, 1)));
	}

	/** Yesterday's conference hosted by TP.HCM, recorded today: mailed to Lâm Đồng. */
	private ActivityRecorded recorded(int n) {
		String activityId = "act-" + n + "-" + this.run;
		return new ActivityRecorded(UUID.randomUUID().toString(), now(), activityId, 1,
				new ActivityState(activityId, this.agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
						new LocalizedText("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng",
								"Investment promotion conference"),
						LocalDateTime.of(2026, 2, 28, 8, 0), LocalDateTime.of(2026, 2, 28, 17, 0), "Asia/Ho_Chi_Minh",
						new Location("TP. Hồ Chí Minh", "Trung tâm Hội nghị"), this.hcm, List.of(this.ld), List.of(),
						ActivityStatus.COMPLETED, new Outcomes(120, 45, 12, 3, 2, null)));
	}

}
