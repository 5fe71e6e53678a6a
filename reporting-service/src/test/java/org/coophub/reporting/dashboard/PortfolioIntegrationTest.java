package org.coophub.reporting.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.Target;
import org.coophub.events.agreement.TargetMeasure;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.common.Money;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coophub.reporting.DashboardTestData.agreement;

/**
 * The portfolio answers from one maintained summary per agreement: every event that
 * changes the dashboard changes the summary, which always equals what the agreement's
 * entries add up to, one event at a time or a rebuild's batch at a time; the endpoint
 * pages the summaries by code, and one agreement's dashboard reads its summary and its
 * latest activities.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class PortfolioIntegrationTest {

	private static final Instant AT = Instant.parse("2025-11-01T00:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	DashboardProjection projection;

	@Autowired
	DashboardQueries queries;

	@Autowired
	ProjectionCollections collections;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	JsonMapper json;

	RestTestClient http;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
	}

	@Test
	void theSummaryFollowsRecordedCompletedCancelledAmendedAndReviewedAndTheEndpointAnswersFromIt() {
		String agreementId = UUID.randomUUID().toString();
		int year = this.queries.today().getYear();
		Projector projector = this.projection.live();
		Commitment twoConferences = new Commitment("c-conf", new LocalizedText("Hai hội nghị mỗi năm", "Two a year"),
				null, "org-hcm", new Target("conferences", 2), null, CommitmentStatus.IN_PROGRESS, null);

		projector.agreementCreated(withCommitments(agreement(agreementId), List.of(twoConferences)), 1, AT);
		projector.activity(activity(agreementId, "a1", year, ActivityStatus.PLANNED, List.of("c-conf"), null), 1, AT);
		assertSummaryEqualsEntries(agreementId);
		PortfolioEntry planned = entry(agreementId);
		assertThat(planned.activityCount()).isEqualTo(1);
		assertThat(planned.activitiesThisYear()).isEqualTo(1);
		assertThat(planned.commitmentsBehindTarget()).as("one planned of two").isEqualTo(1);

		projector.activity(activity(agreementId, "a2", year, ActivityStatus.PLANNED, List.of("c-conf"), null), 1, AT);
		projector.activity(activity(agreementId, "a1", year, ActivityStatus.COMPLETED, List.of("c-conf"),
				new Outcomes(120, 45, 10, 3, 2, new Money(new BigDecimal("350000000000"), "VND"))), 2, AT);
		// redelivered and older versions change nothing
		projector.activity(activity(agreementId, "a1", year, ActivityStatus.COMPLETED, List.of("c-conf"),
				new Outcomes(120, 45, 10, 3, 2, new Money(new BigDecimal("350000000000"), "VND"))), 2, AT);
		projector.activity(activity(agreementId, "a1", year, ActivityStatus.PLANNED, List.of("c-conf"), null), 1, AT);
		projector.activity(
				activity(agreementId, "a3", 2012, ActivityStatus.COMPLETED, List.of(),
						new Outcomes(30, null, null, 1, null, new Money(new BigDecimal("1000000000.50"), "VND"))),
				1, AT);
		assertSummaryEqualsEntries(agreementId);
		PortfolioEntry completed = entry(agreementId);
		assertThat(completed.activityCount()).isEqualTo(3);
		assertThat(completed.activitiesThisYear()).isEqualTo(2);
		assertThat(completed.commitmentsBehindTarget()).as("two planned of two").isZero();
		assertThat(completed.conferenceTotals().conferences()).isEqualTo(2);
		assertThat(completed.conferenceTotals().investorsAttending()).isEqualTo(150);
		assertThat(completed.conferenceTotals().registeredCapital().get("VND")).isEqualByComparingTo("351000000000.50");

		projector.activity(activity(agreementId, "a2", year, ActivityStatus.CANCELLED, List.of("c-conf"), null), 2, AT);
		Commitment capitalTarget = new Commitment("c-cap", new LocalizedText("Vốn đăng ký", "Registered capital"), null,
				"org-hcm",
				new Target("capital", 0, TargetMeasure.OUTCOME_SUM,
						List.of(ActivityType.INVESTMENT_PROMOTION_CONFERENCE), "registeredCapital", "vnd",
						new BigDecimal("400000000000"), null, true),
				null, CommitmentStatus.OPEN, null);
		projector.agreement(withCommitments(withCode(agreement(agreementId), "AMENDED-" + agreementId),
				List.of(twoConferences, capitalTarget)), 2, LocalDate.of(2025, 1, 1), AT);
		projector.review(agreementId,
				new ReviewEntry(3, year, LocalDate.of(year, 1, 2), "org-hcm", ReviewCycleStatus.UPCOMING, null, null),
				AT);
		projector.notification(agreementId, "n1-" + agreementId, NotificationOutcome.FAILED, "reminder", 1, AT);
		projector.notification(agreementId, "n1-" + agreementId, NotificationOutcome.LATE, "reminder", 2, AT);
		projector.notification(agreementId, "n2-" + agreementId, NotificationOutcome.SENT, "reminder", 1, AT);
		projector.notification(agreementId, "n1-" + agreementId, NotificationOutcome.FAILED, "reminder", 1, AT);
		assertSummaryEqualsEntries(agreementId);
		PortfolioEntry amended = entry(agreementId);
		assertThat(amended.agreement().code()).isEqualTo("AMENDED-" + agreementId);
		assertThat(amended.activityCount()).isEqualTo(2);
		assertThat(amended.commitmentsBehindTarget()).as("one of two planned, capital below target").isEqualTo(2);
		assertThat(amended.nextReview().dueOn()).isEqualTo(LocalDate.of(year, 1, 2));
		assertThat(amended.notifications()).isEqualTo(new NotificationCounts(2, 1, 0));

		// the endpoint reads the summary: with the entries gone it still answers the same
		this.mongo.remove(
				org.springframework.data.mongodb.core.query.Query
					.query(org.springframework.data.mongodb.core.query.Criteria.where("agreementId").is(agreementId)),
				this.collections.activities(this.collections.generations().active()));
		JsonNode served = wholePortfolioOverHttp().stream()
			.filter((line) -> agreementId.equals(line.get("agreementId").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(served.get("activityCount").asInt()).isEqualTo(2);
		assertThat(served.at("/agreement/title/vi").asString()).isEqualTo("Chương trình hợp tác Lâm Đồng – TP.HCM");
		assertThat(served.at("/conferenceTotals/registeredCapital/VND").decimalValue())
			.isEqualByComparingTo("351000000000.50");
		assertThat(served.get("commitmentsBehindTarget").asInt()).isEqualTo(2);
		Document stored = this.mongo.getCollection(this.collections.portfolio(this.collections.generations().active()))
			.find(new Document("_id", agreementId))
			.first();
		assertThat(stored.getString("code")).isEqualTo("AMENDED-" + agreementId);
	}

	@Test
	void aRebuildsBatchFillsTheSameSummaryAsLiveEvents() {
		int generation = 2_000_000 + (int) (System.nanoTime() % 1_000_000);
		String agreementId = UUID.randomUUID().toString();
		int year = this.queries.today().getYear();
		ReplayBatch batch = this.projection.replayInto(generation);
		batch.agreementCreated(agreement(agreementId), 1, AT);
		batch.activity(activity(agreementId, "b1", year, ActivityStatus.PLANNED, List.of(), null), 1, AT);
		batch.activity(activity(agreementId, "b2", year, ActivityStatus.COMPLETED, List.of(),
				new Outcomes(10, null, null, null, null, new Money(new BigDecimal("5"), "USD"))), 1, AT);
		batch.notification(agreementId, "n1-" + agreementId, NotificationOutcome.SENT, "reminder", 1, AT);
		batch.flush();
		// the next poll: one completed, one cancelled, a repeat
		batch.activity(activity(agreementId, "b1", year, ActivityStatus.COMPLETED, List.of(),
				new Outcomes(20, null, null, null, null, new Money(new BigDecimal("7"), "USD"))), 2, AT);
		batch.activity(activity(agreementId, "b2", year, ActivityStatus.CANCELLED, List.of(), null), 2, AT);
		batch.notification(agreementId, "n1-" + agreementId, NotificationOutcome.SENT, "reminder", 1, AT);
		batch.flush();

		PortfolioSummary summary = this.mongo.findById(agreementId, PortfolioSummary.class,
				this.collections.portfolio(generation));
		PortfolioEntry entry = PortfolioEntry.of(summary, this.queries.today(), new Names(java.util.Map.of()));
		assertThat(entry.activityCount()).isEqualTo(1);
		assertThat(entry.conferenceTotals().investorsAttending()).isEqualTo(20);
		assertThat(entry.conferenceTotals().registeredCapital()).containsOnlyKeys("USD");
		assertThat(entry.conferenceTotals().registeredCapital().get("USD")).isEqualByComparingTo("7");
		assertThat(entry.notifications().sent()).isEqualTo(1);
	}

	@Test
	void thePortfolioIsPagedByCodeWithABoundedPageSize() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Projector projector = this.projection.live();
		for (int i = 0; i < 5; i++) {
			String agreementId = run + "-" + i;
			projector.agreement(withCode(agreement(agreementId), "000-" + run + "-" + (4 - i)), 1);
		}

		List<String> codes = wholePortfolioOverHttp().stream()
			.map((line) -> line.at("/agreement/code").asString())
			.toList();
		assertThat(codes).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
		assertThat(codes.stream().filter((code) -> code.startsWith("000-" + run))).containsExactly("000-" + run + "-0",
				"000-" + run + "-1", "000-" + run + "-2", "000-" + run + "-3", "000-" + run + "-4");
		assertThat(this.queries.portfolio(0, 2)).hasSize(2);

		for (String refused : List.of("size=201", "sort=reviewHost")) {
			this.http.get()
				.uri("/api/v1/dashboard?" + refused)
				.exchange()
				.expectStatus()
				.isEqualTo(400)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo(refused.substring(0, refused.indexOf('=')));
		}
	}

	/**
	 * The whole portfolio, page by page.
	 */
	static List<PortfolioEntry> wholePortfolio(DashboardQueries queries) {
		List<PortfolioEntry> all = new ArrayList<>();
		for (int page = 0;; page++) {
			List<PortfolioEntry> entries = queries.portfolio(page, DashboardQueries.MAX_PAGE_SIZE);
			all.addAll(entries);
			if (entries.size() < DashboardQueries.MAX_PAGE_SIZE) {
				return all;
			}
		}
	}

	private List<JsonNode> wholePortfolioOverHttp() {
		List<JsonNode> all = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode lines = this.json.readTree(this.http.get()
				.uri("/api/v1/dashboard?page={page}&size=100", page)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody());
			assertThat(lines.size()).isLessThanOrEqualTo(100);
			lines.forEach(all::add);
			if (lines.size() < 100) {
				return all;
			}
		}
	}

	/**
	 * The portfolio line and the agreement's dashboard name the parties that have not
	 * accepted, with their consent, from the summary as from the entries; an answer
	 * replaces them.
	 */
	@Test
	void partiesAwaitingAcceptanceAreNamedOnTheLineAndTheDashboard() {
		String agreementId = UUID.randomUUID().toString();
		String dn = "org-dn-" + agreementId;
		Projector projector = this.projection.live();
		projector.organization(new OrganizationState(dn, "DN-" + agreementId,
				new LocalizedText("Ban Quản lý các KCN Đồng Nai", "Dong Nai Industrial Zones Authority"),
				"INDUSTRIAL_ZONE_AUTHORITY", "Đồng Nai", List.of(), List.of(), true), 1);
		projector.agreementCreated(withDongNai(agreement(agreementId), dn, PartyConsent.DECLINED), 1, AT);

		assertSummaryEqualsEntries(agreementId);
		assertThat(entry(agreementId).awaitingAcceptance()).containsExactly(new AwaitingParty(dn,
				new LocalizedText("Ban Quản lý các KCN Đồng Nai", "Dong Nai Industrial Zones Authority"),
				PartyConsent.DECLINED));
		assertThat(this.queries.agreement(agreementId).parties()).extracting(PartyView::consent)
			.as("a party of an event written before consent existed reads as accepted")
			.containsExactly(PartyConsent.ACCEPTED, PartyConsent.ACCEPTED, PartyConsent.DECLINED);
		JsonNode served = wholePortfolioOverHttp().stream()
			.filter((line) -> agreementId.equals(line.get("agreementId").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(served.at("/awaitingAcceptance/0/name/vi").asString()).isEqualTo("Ban Quản lý các KCN Đồng Nai");

		projector.agreement(withDongNai(agreement(agreementId), dn, PartyConsent.ACCEPTED), 2, null, AT);
		assertSummaryEqualsEntries(agreementId);
		assertThat(entry(agreementId).awaitingAcceptance()).isEmpty();
		assertThat(this.queries.agreement(agreementId).awaitingAcceptance()).isEmpty();
	}

	private static AgreementState withDongNai(AgreementState state, String dn, PartyConsent consent) {
		List<Party> parties = new ArrayList<>(state.parties());
		parties.add(new Party(dn, PartyRole.PARTNER, consent));
		return new AgreementState(state.id(), state.code(), state.title(), parties, state.signedOn(), state.startsOn(),
				state.endsOn(), state.timeZone(), state.areas(), state.status(), state.commitments(),
				state.reviewPolicy());
	}

	private void assertSummaryEqualsEntries(String agreementId) {
		LocalDate today = this.queries.today();
		Names names = this.queries.names();
		assertThat(entry(agreementId)).usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(PortfolioEntry.of(this.queries.dashboard(agreementId), today, names));
		assertThat(this.queries.agreement(agreementId)).as("the agreement's dashboard, from its summary")
			.usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(AgreementDashboardView.of(this.queries.dashboard(agreementId), today, names));
	}

	private PortfolioEntry entry(String agreementId) {
		PortfolioSummary summary = this.mongo.findById(agreementId, PortfolioSummary.class,
				this.collections.portfolio(this.collections.generations().active()));
		return PortfolioEntry.of(summary, this.queries.today(), this.queries.names());
	}

	private static ActivityState activity(String agreementId, String id, int year, ActivityStatus status,
			List<String> commitmentIds, Outcomes outcomes) {
		return new ActivityState(id + "-" + agreementId, agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư", "Investment conference"),
				LocalDateTime.of(year, 5, 18, 8, 0), LocalDateTime.of(year, 5, 18, 17, 0), "Asia/Ho_Chi_Minh", null,
				"org-hcm", List.of("org-ld"), commitmentIds, status, outcomes);
	}

	private static AgreementState withCommitments(AgreementState state, List<Commitment> commitments) {
		return new AgreementState(state.id(), state.code(), state.title(), state.parties(), state.signedOn(),
				state.startsOn(), state.endsOn(), state.timeZone(), state.areas(), state.status(), commitments,
				state.reviewPolicy());
	}

	private static AgreementState withCode(AgreementState state, String code) {
		return new AgreementState(state.id(), code, state.title(), state.parties(), state.signedOn(), state.startsOn(),
				state.endsOn(), state.timeZone(), state.areas(), state.status(), state.commitments(),
				state.reviewPolicy());
	}

}
