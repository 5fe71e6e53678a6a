package org.coophub.reporting.calendar;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.bson.Document;
import org.coophub.events.DomainEvent;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.platform.zone.ProgramZone;
import org.coophub.reporting.DashboardTestData;
import org.coophub.reporting.dashboard.ProjectionCollections;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The calendar of a window (activities and reviews across months, by start, with hosts
 * and agreement codes, filtered by organization or agreement, through indexes), its
 * limits, and the subscription feeds: created by whoever may read that calendar (a VIEWER
 * included), listed, served as iCalendar without a token, revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class CalendarIntegrationTest {

	static final String CONFERENCE_VI = "Hội nghị xúc tiến đầu tư vào Lâm Đồng: nông nghiệp công nghệ cao, du lịch "
			+ "nghỉ dưỡng và năng lượng tái tạo – Đà Lạt";

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ProjectionCollections collections;

	@Autowired
	Clock clock;

	/** A fresh program per test: its organizations, agreement, activities and review. */
	Program program;

	@BeforeEach
	void setUp() {
		this.program = new Program(UUID.randomUUID().toString().substring(0, 8),
				ProgramZone.DEFAULT.today(this.clock).withDayOfMonth(1).plusMonths(1));
		this.program.publish();
		await().until(
				() -> entries(this.program.firstMonth(), this.program.firstMonth().plusMonths(3),
						Map.of("agreementId", this.program.agreementId)),
				(entries) -> entries.size() == 4 && entries.stream()
					.allMatch((entry) -> entry.hasNonNull("hostName") && entry.hasNonNull("agreementCode")));
	}

	@Test
	void aWindowListsActivitiesAndReviewsAcrossMonthsByStartWithHostsAndCodes() {
		Program p = this.program;
		List<JsonNode> window = entries(p.firstMonth(), p.firstMonth().plusMonths(2),
				Map.of("agreementId", p.agreementId));

		assertThat(window).extracting((entry) -> entry.get("id").asString())
			.containsExactly(p.conference, p.reviewId(), p.workshop);
		JsonNode conference = window.get(0);
		assertThat(conference.get("kind").asString()).isEqualTo("ACTIVITY");
		assertThat(conference.at("/title/vi").asString()).isEqualTo(CONFERENCE_VI);
		assertThat(conference.at("/title/en").asString()).isEqualTo("Investment conference");
		assertThat(conference.get("type").asString()).isEqualTo("INVESTMENT_PROMOTION_CONFERENCE");
		assertThat(conference.get("status").asString()).isEqualTo("PLANNED");
		assertThat(conference.get("startsAt").asString()).isEqualTo(p.firstMonth().plusDays(4) + "T08:00:00");
		assertThat(conference.get("endsAt").asString()).isEqualTo(p.firstMonth().plusDays(4) + "T17:00:00");
		assertThat(conference.get("start").asString()).isEqualTo(p.firstMonth().plusDays(4) + "T08:00:00+07:00");
		assertThat(conference.get("hostOrganizationId").asString()).isEqualTo(p.hcm);
		assertThat(conference.at("/hostName/vi").asString()).isEqualTo("Ban Quản lý các KCX-KCN TP.HCM");
		assertThat(conference.get("agreementCode").asString()).isEqualTo("LD-HCM-" + p.tag);
		assertThat(conference.get("location").asString()).isEqualTo("Trung tâm Hội nghị Đà Lạt, Lâm Đồng");
		JsonNode review = window.get(1);
		assertThat(review.get("kind").asString()).isEqualTo("REVIEW");
		assertThat(review.get("allDay").asBoolean()).isTrue();
		assertThat(review.get("date").asString()).isEqualTo(p.reviewDay().toString());
		assertThat(review.at("/hostName/vi").asString()).isEqualTo("Ban Quản lý các KCN Lâm Đồng");
		assertThat(review.at("/title/vi").asString()).startsWith("Sơ kết năm " + p.reviewDay().getYear());
		assertThat(window.get(2).get("startsAt").asString()).startsWith(p.firstMonth().plusMonths(1).plusDays(9) + "T");

		// the third month holds the cancelled one only, a window ends before its "to"
		assertThat(entries(p.firstMonth().plusMonths(2), p.firstMonth().plusMonths(3),
				Map.of("agreementId", p.agreementId)))
			.extracting((entry) -> entry.get("status").asString())
			.containsExactly("CANCELLED");
		assertThat(entries(p.firstMonth(), p.firstMonth().plusDays(4), Map.of("agreementId", p.agreementId))).isEmpty();
		// without a filter, every agreement's: this one's among them
		assertThat(entries(p.firstMonth(), p.firstMonth().plusMonths(2), Map.of()))
			.extracting((entry) -> entry.get("id").asString())
			.contains(p.conference, p.reviewId(), p.workshop, p.strangersMeeting);
	}

	@Test
	void anOrganizationsCalendarIsWhatItHostsTakesPartInOrIsPartyTo() {
		Program p = this.program;
		LocalDate from = p.firstMonth();
		LocalDate to = from.plusMonths(3);
		await().until(() -> ids(entries(from, to, Map.of("agreementId", p.otherAgreementId))),
				(ids) -> ids.contains(p.strangersMeeting));

		assertThat(ids(entries(from, to, Map.of("organizationId", p.ld)))).containsExactly(p.conference, p.reviewId(),
				p.workshop, p.cancelled);
		// the stranger hosts its own meeting, and takes part in nothing of the program
		assertThat(ids(entries(from, to, Map.of("organizationId", p.stranger)))).containsExactly(p.strangersMeeting);
		assertThat(ids(entries(from, to, Map.of("organizationId", p.guest)))).containsExactly(p.strangersMeeting);
		assertThat(ids(entries(from, to, Map.of("agreementId", p.otherAgreementId))))
			.containsExactly(p.strangersMeeting);
	}

	@Test
	void theWindowIsReadThroughIndexesOnTheStartAndTheReviewDays() {
		int generation = this.collections.generations().active();
		assertThat(this.mongo.indexOps(this.collections.activities(generation)).getIndexInfo())
			.extracting(IndexInfo::getName)
			.contains("start", "agreement_start");
		assertThat(this.mongo.indexOps(this.collections.reviewCycles(generation)).getIndexInfo())
			.extracting(IndexInfo::getName)
			.contains("due", "held");
	}

	@Test
	void aBadWindowIsRefusedNamingTheField() {
		RestTestClient admin = ServiceClients.asAdmin(this.port);
		expectProblem(admin.get().uri("/api/v1/calendar?from=2026-12-01&to=2026-12-01").exchange(), 400, "to");
		expectProblem(admin.get().uri("/api/v1/calendar?from=2026-12-01&to=2026-11-01").exchange(), 400, "to");
		expectProblem(admin.get().uri("/api/v1/calendar?from=2026-12-01&to=2028-01-06").exchange(), 400, "to");
		expectProblem(admin.get().uri("/api/v1/calendar?from=01/12/2026&to=2027-01-01").exchange(), 400, "from");
		admin.get().uri("/api/v1/calendar?from=2026-12-01&to=2028-01-05").exchange().expectStatus().isOk();
		// without a window: this month in the program's zone
		JsonNode thisMonth = body(admin.get().uri("/api/v1/calendar").exchange().expectStatus().isOk());
		LocalDate first = ProgramZone.DEFAULT.today(this.clock).withDayOfMonth(1);
		assertThat(thisMonth.get("from").asString()).isEqualTo(first.toString());
		assertThat(thisMonth.get("to").asString()).isEqualTo(first.plusMonths(1).toString());
		ServiceClients.anonymous(this.port)
			.get()
			.uri("/api/v1/calendar?from=2026-12-01&to=2027-01-01")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void aFeedIsCreatedListedServedAsICalendarWithoutATokenAndRevoked() throws Exception {
		Program p = this.program;
		RestTestClient editor = client("EDITOR", p.ldCode());
		JsonNode created = created(editor, Map.of("organizationId", p.ld));
		String url = created.get("url").asString();
		assertThat(url).matches("/calendar/feeds/[A-Za-z0-9_-]{43}\\.ics");
		assertThat(created.get("scope").asString()).isEqualTo("ORGANIZATION");
		assertThat(created.at("/name/vi").asString()).isEqualTo("Ban Quản lý các KCN Lâm Đồng");
		String secret = url.substring("/calendar/feeds/".length(), url.length() - ".ics".length());
		Document stored = this.mongo.findById(created.get("id").asString(), Document.class, CalendarFeed.COLLECTION);
		assertThat(stored.toJson()).as("only the secret's hash is stored").doesNotContain(secret);
		assertThat(stored.getString("secretHash")).isEqualTo(CalendarFeeds.hash(secret)).hasSize(64);

		JsonNode listed = body(editor.get().uri("/api/v1/calendar/feeds").exchange().expectStatus().isOk());
		assertThat(listed.findValuesAsString("id")).contains(created.get("id").asString());
		assertThat(listed.toString()).doesNotContain(secret);

		String ics = ServiceClients.anonymous(this.port)
			.get()
			.uri(url)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/calendar;charset=utf-8")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nMETHOD:PUBLISH\r\n");
		// folded by ical4j at 75 characters (not octets: a Vietnamese letter takes two or
		// three)
		assertThat(ics.split("\r\n")).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(75));
		assertThat(ics).as("a long title is folded").contains("\r\n ");
		assertThat(ics.replace("\r\n", "")).as("lines end in CRLF only").doesNotContain("\n");

		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		assertThat(value(calendar.getProperty("X-WR-CALNAME")))
			.isEqualTo("Cooperation Hub – Ban Quản lý các KCN Lâm Đồng");
		Map<String, VEvent> byUid = calendar.<VEvent>getComponents("VEVENT")
			.stream()
			.collect(Collectors.toMap((event) -> value(event.getProperty(Property.UID)), Function.identity()));
		assertThat(byUid).containsKeys(p.conference + "@coophub", p.workshop + "@coophub", p.cancelled + "@coophub",
				"review-" + p.agreementId + "-" + p.reviewDay().getYear() + "@coophub");
		assertThat(byUid).doesNotContainKeys(p.strangersMeeting + "@coophub", p.farAhead + "@coophub");
		VEvent conference = byUid.get(p.conference + "@coophub");
		assertThat(value(conference.getProperty(Property.SUMMARY)))
			.isEqualTo(CONFERENCE_VI + " / Investment conference");
		assertThat(value(conference.getProperty(Property.DTSTART)))
			.isEqualTo(p.firstMonth().plusDays(4).toString().replace("-", "") + "T010000Z");
		assertThat(value(conference.getProperty(Property.SEQUENCE))).isEqualTo("2");
		assertThat(value(conference.getProperty(Property.LOCATION))).isEqualTo("Trung tâm Hội nghị Đà Lạt, Lâm Đồng");
		assertThat(conference.getProperty(Property.DTSTAMP)).isPresent();
		assertThat(conference.getProperty(Property.STATUS)).isEmpty();
		assertThat(value(byUid.get(p.cancelled + "@coophub").getProperty(Property.STATUS))).isEqualTo("CANCELLED");
		VEvent review = byUid.get("review-" + p.agreementId + "-" + p.reviewDay().getYear() + "@coophub");
		assertThat(review.getProperty(Property.DTSTART).orElseThrow().toString())
			.contains("VALUE=DATE:" + p.reviewDay().toString().replace("-", ""));

		editor.delete()
			.uri("/api/v1/calendar/feeds/{id}", created.get("id").asString())
			.exchange()
			.expectStatus()
			.isNoContent();
		ServiceClients.anonymous(this.port).get().uri(url).exchange().expectStatus().isNotFound();
		assertThat(body(editor.get().uri("/api/v1/calendar/feeds").exchange()).findValuesAsString("id"))
			.doesNotContain(created.get("id").asString());
		ServiceClients.anonymous(this.port)
			.get()
			.uri("/calendar/feeds/not-a-secret.ics")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anAgreementsFeedHoldsThatAgreementOnly() throws Exception {
		Program p = this.program;
		JsonNode created = created(client("EDITOR", p.hcmCode()), Map.of("agreementId", p.agreementId));
		assertThat(created.get("scope").asString()).isEqualTo("AGREEMENT");
		String ics = ServiceClients.anonymous(this.port)
			.get()
			.uri(created.get("url").asString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> uids = new CalendarBuilder().build(new StringReader(ics))
			.<VEvent>getComponents("VEVENT")
			.stream()
			.map((event) -> value(event.getProperty(Property.UID)))
			.toList();
		assertThat(uids).containsExactlyInAnyOrder(p.conference + "@coophub", p.workshop + "@coophub",
				p.cancelled + "@coophub", "review-" + p.agreementId + "-" + p.reviewDay().getYear() + "@coophub");
	}

	@Test
	void anEditorSubscribesToTheirOwnOrAPartysCalendarAViewerOrAStrangerToNothing() {
		Program p = this.program;
		RestTestClient editor = client("EDITOR", p.hcmCode());
		JsonNode agreementFeed = created(editor, Map.of("agreementId", p.agreementId));
		subscribe(editor, Map.of("organizationId", p.ld)).expectStatus().isForbidden();

		// a VIEWER reads the calendar, and subscribes nothing: every write of a VIEWER is
		// refused
		RestTestClient viewer = client("VIEWER", p.ldCode());
		assertThat(ids(entries(p.firstMonth(), p.firstMonth().plusMonths(1), Map.of("organizationId", p.ld), viewer)))
			.contains(p.conference);
		expectProblem(subscribe(viewer, Map.of("organizationId", p.ld)), 403, null);
		expectProblem(subscribe(viewer, Map.of("agreementId", p.agreementId)), 403, null);
		viewer.delete()
			.uri("/api/v1/calendar/feeds/{id}", agreementFeed.get("id").asString())
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(body(viewer.get().uri("/api/v1/calendar/feeds").exchange().expectStatus().isOk()))
			.as("a VIEWER has no feeds")
			.isEmpty();

		RestTestClient stranger = client("EDITOR", p.strangerCode());
		expectProblem(subscribe(stranger, Map.of("organizationId", p.ld)), 403, null);
		expectProblem(subscribe(stranger, Map.of("agreementId", p.agreementId)), 403, null);
		// another's feed is not theirs to see or revoke
		assertThat(body(stranger.get().uri("/api/v1/calendar/feeds").exchange()).findValuesAsString("id"))
			.doesNotContain(agreementFeed.get("id").asString());
		stranger.delete()
			.uri("/api/v1/calendar/feeds/{id}", agreementFeed.get("id").asString())
			.exchange()
			.expectStatus()
			.isNotFound();
		// the secretariat subscribes to anyone's, and revokes anyone's
		subscribe(ServiceClients.asAdmin(this.port), Map.of("organizationId", p.stranger)).expectStatus().isCreated();
		ServiceClients.asAdmin(this.port)
			.delete()
			.uri("/api/v1/calendar/feeds/{id}", agreementFeed.get("id").asString())
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(body(editor.get().uri("/api/v1/calendar/feeds").exchange()).findValuesAsString("id"))
			.doesNotContain(agreementFeed.get("id").asString());
		subscribe(ServiceClients.anonymous(this.port), Map.of("organizationId", p.ld)).expectStatus().isUnauthorized();
	}

	@Test
	void aSubscriptionNamingNothingOrBothOrNothingKnownIsRefusedAndNothingStored() {
		Program p = this.program;
		RestTestClient editor = client("EDITOR", p.ldCode());
		long before = this.mongo.getCollection(CalendarFeed.COLLECTION).countDocuments();
		expectProblem(subscribe(editor, Map.of()), 400, "organizationId");
		expectProblem(subscribe(editor, Map.of("organizationId", p.ld, "agreementId", p.agreementId)), 400,
				"agreementId");
		expectProblem(subscribe(editor, Map.of("organizationId", "no-such-org")), 422, "organizationId");
		expectProblem(subscribe(editor, Map.of("agreementId", "no-such-agreement")), 422, "agreementId");
		assertThat(this.mongo.getCollection(CalendarFeed.COLLECTION).countDocuments()).isEqualTo(before);
	}

	private RestTestClient client(String role, String organizationCode) {
		return ServiceClients.as(this.port,
				TestInfrastructure.get()
					.identity()
					.token(role.toLowerCase() + "-" + organizationCode, role, organizationCode));
	}

	private JsonNode created(RestTestClient client, Map<String, String> body) {
		return body(subscribe(client, body).expectStatus().isCreated());
	}

	private static RestTestClient.ResponseSpec subscribe(RestTestClient client, Map<String, String> body) {
		return client.post()
			.uri("/api/v1/calendar/feeds")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private List<JsonNode> entries(LocalDate from, LocalDate to, Map<String, String> filter) {
		return entries(from, to, filter, ServiceClients.asAdmin(this.port));
	}

	private List<JsonNode> entries(LocalDate from, LocalDate to, Map<String, String> filter, RestTestClient client) {
		StringBuilder uri = new StringBuilder("/api/v1/calendar?from=" + from + "&to=" + to);
		filter.forEach((name, value) -> uri.append('&').append(name).append('=').append(value));
		JsonNode window = body(
				ServiceClients.asAdmin(this.port).get().uri(uri.toString()).exchange().expectStatus().isOk());
		assertThat(window.get("from").asString()).isEqualTo(from.toString());
		List<JsonNode> entries = new java.util.ArrayList<>();
		window.get("entries").forEach(entries::add);
		return entries;
	}

	private JsonNode body(RestTestClient.ResponseSpec response) {
		return this.json.readTree(response.expectBody().returnResult().getResponseBody());
	}

	private void expectProblem(RestTestClient.ResponseSpec response, int status, String field) {
		JsonNode problem = body(response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith("application/problem+json"));
		if (field != null) {
			assertThat(problem.findValuesAsString("field")).containsExactly(field);
		}
	}

	private static List<String> ids(List<JsonNode> entries) {
		return entries.stream().map((entry) -> entry.get("id").asString()).toList();
	}

	private static String value(java.util.Optional<? extends Property> property) {
		return property.orElseThrow().getValue();
	}

	/**
	 * Two authorities' agreement with a conference, a workshop, a cancelled seminar, one
	 * far ahead and a review in the months after {@code start}; a stranger's agreement
	 * with its own meeting.
	 */
	final class Program {

		final String tag;

		final LocalDate start;

		final String ld;

		final String hcm;

		final String stranger;

		final String guest;

		final String agreementId;

		final String otherAgreementId;

		final String conference;

		final String workshop;

		final String cancelled;

		final String farAhead;

		final String strangersMeeting;

		Program(String tag, LocalDate start) {
			this.tag = tag;
			this.start = start;
			this.ld = "org-ld-" + tag;
			this.hcm = "org-hcm-" + tag;
			this.stranger = "org-x-" + tag;
			this.guest = "org-guest-" + tag;
			this.agreementId = "agr-" + tag;
			this.otherAgreementId = "agr-x-" + tag;
			this.conference = "act-conf-" + tag;
			this.workshop = "act-ws-" + tag;
			this.cancelled = "act-cancel-" + tag;
			this.farAhead = "act-far-" + tag;
			this.strangersMeeting = "act-x-" + tag;
		}

		LocalDate firstMonth() {
			return this.start;
		}

		LocalDate reviewDay() {
			return this.start.plusDays(14);
		}

		String reviewId() {
			return this.agreementId + ":" + reviewDay().getYear();
		}

		String ldCode() {
			return "BQL-LD-" + this.tag;
		}

		String hcmCode() {
			return "HEPZA-" + this.tag;
		}

		String strangerCode() {
			return "X-" + this.tag;
		}

		void publish() {
			organization(this.ld, ldCode(), "Ban Quản lý các KCN Lâm Đồng");
			organization(this.hcm, hcmCode(), "Ban Quản lý các KCX-KCN TP.HCM");
			organization(this.stranger, strangerCode(), "Ban Quản lý KCN Xa Lạ");
			organization(this.guest, "GUEST-" + this.tag, "Khách mời");
			AgreementState agreement = DashboardTestData.agreement(this.agreementId);
			send(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 1,
					new AgreementState(this.agreementId, "LD-HCM-" + this.tag, agreement.title(),
							List.of(new Party(this.ld, PartyRole.LEAD), new Party(this.hcm, PartyRole.PARTNER)),
							agreement.signedOn(), agreement.startsOn(), null, agreement.timeZone(), agreement.areas(),
							agreement.status(), List.of(), agreement.reviewPolicy())));
			send(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), this.otherAgreementId, 1,
					new AgreementState(this.otherAgreementId, "X-" + this.tag, agreement.title(),
							List.of(new Party(this.stranger, PartyRole.LEAD)), agreement.signedOn(),
							agreement.startsOn(), null, agreement.timeZone(), agreement.areas(), agreement.status(),
							List.of(), agreement.reviewPolicy())));
			activity(this.conference, this.agreementId, 2, new LocalizedText(CONFERENCE_VI, "Investment conference"),
					this.start.plusDays(4).atTime(8, 0), this.hcm, List.of(this.ld), ActivityStatus.PLANNED);
			activity(this.workshop, this.agreementId, 1, new LocalizedText("Tập huấn", "Workshop"),
					this.start.plusMonths(1).plusDays(9).atTime(14, 0), this.ld, List.of(), ActivityStatus.PLANNED);
			activity(this.cancelled, this.agreementId, 3, new LocalizedText("Hội thảo", "Seminar"),
					this.start.plusMonths(2).plusDays(2).atTime(9, 0), this.hcm, List.of(), ActivityStatus.CANCELLED);
			activity(this.farAhead, this.agreementId, 1, new LocalizedText("Khảo sát", "Survey"),
					this.start.plusYears(3).atTime(9, 0), this.ld, List.of(), ActivityStatus.PLANNED);
			activity(this.strangersMeeting, this.otherAgreementId, 1, new LocalizedText("Họp", "Meeting"),
					this.start.plusDays(20).atTime(9, 0), this.stranger, List.of(this.guest), ActivityStatus.PLANNED);
			send(new ReviewScheduled(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 1,
					reviewDay().getYear(), reviewDay(), this.ld, ReviewCycleStatus.UPCOMING));
		}

		private void organization(String id, String code, String name) {
			send(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), id, 1,
					new OrganizationState(id, code, new LocalizedText(name, null), "INDUSTRIAL_ZONE_AUTHORITY",
							"Lâm Đồng", List.of(), List.of(), true)));
		}

		private void activity(String id, String agreement, long version, LocalizedText title, LocalDateTime startsAt,
				String host, List<String> participants, ActivityStatus status) {
			send(new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(), id, version,
					new ActivityState(id, agreement, ActivityType.INVESTMENT_PROMOTION_CONFERENCE, title, startsAt,
							startsAt.withHour(17), "Asia/Ho_Chi_Minh",
							new Location("Lâm Đồng", "Trung tâm Hội nghị Đà Lạt"), host, participants, List.of(),
							status, null)));
		}

		private void send(DomainEvent event) {
			CalendarIntegrationTest.this.events
				.send(OutboxEntry.of(event, CalendarIntegrationTest.this.json.writeValueAsString(event)));
		}

	}

}
