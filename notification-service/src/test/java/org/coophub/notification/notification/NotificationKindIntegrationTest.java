package org.coophub.notification.notification;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.coophub.notification.TestClockConfiguration;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's {@code kind} is an enum stored as the strings it always held: an entry
 * written before the enum existed reads, filters and shows unchanged, and a new entry is
 * stored the same way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class NotificationKindIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	NotificationLedger ledger;

	@Autowired
	JsonMapper json;

	@Test
	void storedKindsReadAndAreWrittenAsTheStringsTheyWere() {
		String agreementId = "agr-kind-" + UUID.randomUUID().toString().substring(0, 8);
		Date at = Date.from(TestClockConfiguration.START);
		this.mongo.getCollection("notifications")
			.insertOne(
					new Document("_id", "activity-recorded:old-event:a@ld.example").append("agreementId", agreementId)
						.append("recipient", "a@ld.example")
						.append("kind", "activity-recorded")
						.append("status", "SUPPRESSED")
						.append("plannedAt", at)
						.append("dueAt", at)
						.append("version", 1L)
						.append("outbox", List.of()));
		RenderedMail mail = new RenderedMail("annual-report", 1, "vi", "Báo cáo sơ kết năm 2025", "Nội dung",
				"<p>Nội dung</p>");
		this.ledger.plan(Notification.suppressed(NotificationKind.ANNUAL_REPORT, "annual-report:" + agreementId,
				agreementId, "b@ld.example", mail, "test", Instant.parse("2026-03-01T03:00:00Z")));

		Document stored = this.mongo.getCollection("notifications")
			.find(new Document("_id", "annual-report:" + agreementId))
			.first();
		assertThat(stored.getString("kind")).isEqualTo("annual-report");
		JsonNode old = list("?agreementId=" + agreementId + "&kind=activity-recorded");
		assertThat(old.findValuesAsString("kind")).containsExactly("activity-recorded");
		assertThat(list("?agreementId=" + agreementId).findValuesAsString("kind"))
			.containsExactlyInAnyOrder("activity-recorded", "annual-report");
	}

	@Test
	void anUnknownKindIsABadRequestNamingIt() {
		ServiceClients.asAdmin(this.port)
			.get()
			.uri("/api/v1/notifications?kind=activity-invented")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("kind");
	}

	private JsonNode list(String query) {
		return this.json.readTree(ServiceClients.asAdmin(this.port)
			.get()
			.uri("/api/v1/notifications" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

}
