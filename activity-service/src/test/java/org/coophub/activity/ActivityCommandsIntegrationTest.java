package org.coophub.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.MongoCommandCounts;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What recording one activity costs in MongoDB commands (issue 17: a bounded number per
 * request, however much is stored), so that a change adding a command fails the build.
 * The same context as {@link ActivityRecordingIntegrationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ActivityCommandsIntegrationTest {

	/**
	 * The agreement read, the activity stored with its event in its outbox, the relay's
	 * removal of the entry once Kafka acknowledged it.
	 */
	static final long BY_ADMIN = 3;

	/** As {@link #BY_ADMIN}, and the editor's organization looked up by its code once. */
	static final long BY_EDITOR = 4;

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry registry;

	String run;

	String hcm;

	String ld;

	String agreementId;

	@BeforeEach
	void setUp() {
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.hcm = "org-hcm-" + this.run;
		this.ld = "org-ld-" + this.run;
		this.agreementId = "agr-" + this.run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), this.hcm, 1,
				organization(this.hcm, "HCM-" + this.run)));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), this.ld, 1,
				organization(this.ld, "LD-" + this.run)));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 2, agreement()));
		RestTestClient editor = editor();
		// known once the host's EDITOR may record: the agreement and the organizations
		// are in
		await().until(() -> post(editor), (status) -> status == 201);
	}

	@Test
	void recordingAnActivityCostsABoundedNumberOfCommands() {
		Map<String, Long> cost = cheapestOfThree(ServiceClients.asAdmin(this.port));
		System.out.println("MongoDB commands of one POST /api/v1/activities by an ADMIN: " + cost);
		assertThat(MongoCommandCounts.total(cost)).as("commands of one activity recorded by an ADMIN: %s", cost)
			.isLessThanOrEqualTo(BY_ADMIN);
		assertThat(cost).containsKey("find known_agreements");
	}

	@Test
	void anEditorsOrganizationIsLookedUpOnce() {
		Map<String, Long> cost = cheapestOfThree(editor());
		System.out.println("MongoDB commands of one POST /api/v1/activities by an EDITOR: " + cost);
		assertThat(MongoCommandCounts.total(cost)).as("commands of one activity recorded by an EDITOR: %s", cost)
			.isLessThanOrEqualTo(BY_EDITOR);
		assertThat(cost.getOrDefault("find known_organizations", 0L)).isLessThanOrEqualTo(1);
	}

	private Map<String, Long> cheapestOfThree(RestTestClient client) {
		List<Map<String, Long>> measured = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Map<String, Long> before = MongoCommandCounts.snapshot(this.registry);
			assertThat(post(client)).isEqualTo(201);
			// done once the relay removed the published entry from the outbox
			measured.add(MongoCommandCounts.settled(this.registry, before, ActivityCommandsIntegrationTest::polled,
					() -> MongoCommandCounts.since(this.registry, before).containsKey("update activities")));
		}
		return MongoCommandCounts.cheapest(measured);
	}

	/** The parked records' retry, every second. */
	static boolean polled(String key) {
		return key.endsWith(" parkedEvents");
	}

	private int post(RestTestClient client) {
		return client.post()
			.uri("/api/v1/activities")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"agreementId":"%s","type":"INVESTMENT_PROMOTION_CONFERENCE",
					 "title":{"vi":"Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng","en":"Investment promotion conference"},
					 "startsAt":"2012-05-18T08:00:00","endsAt":"2012-05-18T17:00:00",
					 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"COMPLETED",
					 "outcomes":{"investorsAttending":120}}
					"""
				.formatted(this.agreementId, this.hcm, this.ld))
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.value();
	}

	private RestTestClient editor() {
		return ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("editor", "EDITOR", "HCM-" + this.run));
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	private AgreementState agreement() {
		return new AgreementState(this.agreementId, "IT-" + this.agreementId,
				new LocalizedText("Chương trình hợp tác", null),
				List.of(new Party(this.ld, PartyRole.LEAD), new Party(this.hcm, PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), LocalDate.of(2029, 12, 31), "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(this.hcm, this.ld), this.hcm, List.of(30, 7, 1)));
	}

	private static OrganizationState organization(String id, String code) {
		return new OrganizationState(id, code, new LocalizedText("Ban Quản lý " + code, null),
				"INDUSTRIAL_ZONE_AUTHORITY", null, List.of(), List.of(), true);
	}

}
