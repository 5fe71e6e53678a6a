package org.coophub.notification.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.coophub.notification.TestClockConfiguration;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's {@code from}/{@code to}: days of the program's zone (Asia/Ho_Chi_Minh,
 * UTC+7), both included, bounding the moment a notice is due, for every kind; a window
 * whose end is before its start is a 400 naming {@code to}; without a window the ledger
 * answers as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class LedgerWindowIntegrationTest {

	/** 27 February, 23:59 in Hà Nội: the day before the window. */
	static final Instant LAST_MINUTE_BEFORE = Instant.parse("2026-02-27T16:59:00Z");

	/** 28 February, 00:00 in Hà Nội: the window's first moment. */
	static final Instant FIRST_MOMENT = Instant.parse("2026-02-27T17:00:00Z");

	/** 1 March, 23:59:59 in Hà Nội: the window's last day, included. */
	static final Instant LAST_MOMENT = Instant.parse("2026-03-01T16:59:59Z");

	/** 2 March, 00:00 in Hà Nội: the day after the window. */
	static final Instant FIRST_MOMENT_AFTER = Instant.parse("2026-03-01T17:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	NotificationLedger ledger;

	@Autowired
	JsonMapper json;

	String agreementId;

	@BeforeEach
	void fourNoticesAroundTheWindow() {
		this.agreementId = "agr-window-" + UUID.randomUUID().toString().substring(0, 8);
		// kept back (SUPPRESSED): never dispatched, so nothing but the test changes them
		keptBack(NotificationKind.ACTIVITY_RECORDED, "before", LAST_MINUTE_BEFORE);
		keptBack(NotificationKind.ACTIVITY_COMPLETED, "first", FIRST_MOMENT);
		keptBack(NotificationKind.ACTIVITY_RECORDED, "last", LAST_MOMENT);
		keptBack(NotificationKind.ANNUAL_REPORT, "after", FIRST_MOMENT_AFTER);
	}

	@Test
	void aWindowOfDaysKeepsOnlyTheNoticesDueOnThem() {
		assertThat(ids("&from=2026-02-28&to=2026-03-01")).containsExactly(key("last"), key("first"));
		assertThat(ids("&from=2026-02-28")).containsExactly(key("after"), key("last"), key("first"));
		assertThat(ids("&to=2026-03-01")).containsExactly(key("last"), key("first"), key("before"));
		assertThat(ids("&from=2026-03-01&to=2026-03-01")).containsExactly(key("last"));
		assertThat(ids("&from=2026-03-03")).isEmpty();
	}

	@Test
	void theWindowAppliesToEveryKindAndKeepsTheKindsOrder() {
		assertThat(ids("&kind=activity-recorded&from=2026-02-27&to=2026-03-01")).containsExactly(key("before"),
				key("last"));
		assertThat(ids("&kind=activity-recorded&from=2026-02-28")).containsExactly(key("last"));
		assertThat(ids("&kind=annual-report&to=2026-03-01")).isEmpty();
		assertThat(ids("&kind=annual-report&from=2026-03-02&to=2026-03-02")).containsExactly(key("after"));
	}

	@Test
	void withoutAWindowNothingChanges() {
		// newest first, every kind, every status
		assertThat(ids("")).containsExactly(key("after"), key("last"), key("first"), key("before"));
		JsonNode page = list(ServiceClients.asAdmin(this.port), "?agreementId=" + this.agreementId + "&size=2");
		assertThat(page.path("page").path("totalElements").asLong()).isEqualTo(4);
		assertThat(page.path("content").size()).isEqualTo(2);
	}

	@Test
	void theWindowChangesNothingInWhoSeesTheAddresses() {
		String stranger = TestInfrastructure.get().identity().token("editor", "EDITOR", "ORG-OTHER");
		JsonNode shown = list(ServiceClients.as(this.port, stranger),
				"?agreementId=" + this.agreementId + "&from=2026-02-28&to=2026-03-01");
		assertThat(shown.path("content").size()).isEqualTo(2);
		for (JsonNode entry : shown.path("content")) {
			// the address, and the send key that names it, stay hidden from a non-party
			assertThat(entry.hasNonNull("recipient")).isFalse();
			assertThat(entry.hasNonNull("id")).isFalse();
			assertThat(entry.path("dueAt").asString()).isNotEmpty();
		}
		ServiceClients.as(this.port, stranger)
			.get()
			.uri("/api/v1/notifications?recipient=" + recipient("first") + "&from=2026-02-28")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void aToBeforeFromIsABadRequestNamingTo() {
		for (String language : List.of("en", "vi")) {
			ServiceClients.asAdmin(this.port)
				.get()
				.uri("/api/v1/notifications?from=2026-03-01&to=2026-02-28")
				.header(HttpHeaders.ACCEPT_LANGUAGE, language)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors.length()")
				.isEqualTo(1)
				.jsonPath("$.errors[0].field")
				.isEqualTo("to")
				.jsonPath("$.errors[0].message")
				.isEqualTo(language.equals("vi") ? "không được trước ngày bắt đầu (from: 2026-03-01)"
						: "must not be before from (2026-03-01)")
				.jsonPath("$.title")
				.isEqualTo(language.equals("vi") ? "Yêu cầu không hợp lệ" : "Invalid request");
		}
	}

	@Test
	void aDayThatIsNoDateIsABadRequestNamingIt() {
		for (String query : List.of("from=2026-02-30", "to=yesterday", "from=2026-02-28T00:00:00Z")) {
			String field = query.substring(0, query.indexOf('='));
			ServiceClients.asAdmin(this.port)
				.get()
				.uri("/api/v1/notifications?" + query)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo(field);
		}
	}

	@Test
	void theWindowAndTheKindsOrderHaveIndexes() {
		List<List<String>> keys = this.mongo.indexOps("notifications")
			.getIndexInfo()
			.stream()
			.map((IndexInfo index) -> index.getIndexFields().stream().map((field) -> field.getKey()).toList())
			.toList();
		assertThat(keys).contains(List.of("kind", "dueAt", "_id"), List.of("dueAt"));
	}

	private void keptBack(NotificationKind kind, String name, Instant at) {
		RenderedMail mail = new RenderedMail(kind.value(), 1, "vi", "Thông báo " + name, "Nội dung", "<p>Nội dung</p>");
		assertThat(this.ledger.plan(Notification.suppressed(kind, key(name), this.agreementId, recipient(name), mail,
				"notifyPartners=false", at)))
			.isTrue();
	}

	private String key(String name) {
		return "test-window:" + this.agreementId + ":" + recipient(name);
	}

	private String recipient(String name) {
		return name + "@ld.example";
	}

	private List<String> ids(String query) {
		return list(ServiceClients.asAdmin(this.port), "?agreementId=" + this.agreementId + query).path("content")
			.findValuesAsString("id");
	}

	private JsonNode list(RestTestClient client, String query) {
		return this.json.readTree(client.get()
			.uri("/api/v1/notifications" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

}
