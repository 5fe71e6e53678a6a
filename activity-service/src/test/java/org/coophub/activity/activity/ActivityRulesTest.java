package org.coophub.activity.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.coophub.activity.agreement.KnownAgreement;
import org.coophub.activity.agreement.KnownOrganization;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.DocumentKind;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.activity.SharedDocument;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.common.Money;
import org.coophub.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules an activity meets against its agreement, the organizations taking part and
 * its type.
 */
class ActivityRulesTest {

	static final LocalDateTime START = LocalDateTime.of(2012, 11, 6, 8, 30);

	static final KnownAgreement AGREEMENT = agreement(AgreementStatus.ACTIVE);

	static final Outcomes FIGURES = new Outcomes(95, 38, 9, 2, 1, new Money(new BigDecimal("120000000000"), "VND"));

	static final Outcomes DOCUMENTS = outcomes(
			List.of(new SharedDocument("Sổ tay ISO 9001:2008", DocumentKind.REGULATION, "https://example.org/iso")),
			null, null, null, null);

	static final Outcomes TOPIC = outcomes(null, "ISO 9001:2008", 24, null, null);

	static final Outcomes PARTICIPANTS = outcomes(null, null, 180, null, null);

	static final Outcomes REVIEW = outcomes(null, null, null, "https://example.org/bien-ban-2012.pdf",
			List.of("Tiếp tục cung cấp thông tin KCN", "Luân phiên tổ chức sơ kết"));

	static KnownAgreement agreement(AgreementStatus status) {
		return new KnownAgreement("agr-1", 2, status, List.of("org-ld", "org-hcm"), LocalDate.of(2009, 10, 15),
				LocalDate.of(2014, 10, 14), "Asia/Ho_Chi_Minh", List.of("cmt-1", "cmt-2"), List.of(), "CTHT-1");
	}

	static Outcomes outcomes(List<SharedDocument> documents, String topic, Integer participants, String minutesLink,
			List<String> planItems) {
		return new Outcomes(null, null, null, null, null, null, documents, topic, participants, minutesLink, planItems);
	}

	static ActivityDetails activity(ActivityType type, Outcomes outcomes) {
		return new ActivityDetails("agr-1", type, new LocalizedText("Sơ kết chương trình hợp tác", null), null, START,
				START.plusHours(3), "Asia/Ho_Chi_Minh", null, "org-hcm", List.of("org-ld"), List.of(), List.of("cmt-1"),
				ActivityStatus.COMPLETED, outcomes, null);
	}

	@ParameterizedTest
	@CsvSource({ "INVESTMENT_PROMOTION_CONFERENCE, FIGURES", "TRADE_PROMOTION, FIGURES",
			"INFORMATION_EXCHANGE, DOCUMENTS", "DOCUMENT_SHARING, DOCUMENTS", "WEBSITE_PROMOTION, DOCUMENTS",
			"EXPERIENCE_EXCHANGE, TOPIC", "TRAINING, TOPIC", "SITE_VISIT, TOPIC", "JOINT_MEETING, PARTICIPANTS",
			"SPORTS_EVENT, PARTICIPANTS", "ANNUAL_REVIEW, REVIEW", "OTHER, DOCUMENTS", "OTHER, TOPIC" })
	void eachTypeTakesItsOwnOutcomes(ActivityType type, String outcomes) {
		assertThatCode(() -> ActivityRules.check(activity(type, named(outcomes)), AGREEMENT))
			.doesNotThrowAnyException();
	}

	@ParameterizedTest
	@CsvSource({ "SPORTS_EVENT, FIGURES, outcomes.investorsAttending", "ANNUAL_REVIEW, TOPIC, outcomes.topic",
			"INVESTMENT_PROMOTION_CONFERENCE, REVIEW, outcomes.minutesLink",
			"EXPERIENCE_EXCHANGE, DOCUMENTS, outcomes.documents",
			"DOCUMENT_SHARING, PARTICIPANTS, outcomes.participants", "JOINT_MEETING, TOPIC, outcomes.topic",
			"TRAINING, REVIEW, outcomes.minutesLink", "OTHER, FIGURES, outcomes.investorsAttending" })
	void anOutcomeOfAnotherTypeIsNamed(ActivityType type, String outcomes, String field) {
		assertThatThrownBy(() -> OutcomeFields.check(type, named(outcomes)))
			.isInstanceOfSatisfying(RuleViolationException.class, (ex) -> assertThat(ex.field()).isEqualTo(field))
			.hasMessageContaining(type.name());
	}

	@Test
	void capitalAloneIsAFigureOfConferencesOnly() {
		Outcomes capital = new Outcomes(null, null, null, null, null, new Money(BigDecimal.TEN, "USD"));

		assertThatThrownBy(() -> OutcomeFields.check(ActivityType.SPORTS_EVENT, capital)).isInstanceOfSatisfying(
				RuleViolationException.class, (ex) -> assertThat(ex.field()).isEqualTo("outcomes.registeredCapital"));
		assertThatCode(() -> OutcomeFields.check(ActivityType.TRADE_PROMOTION, capital)).doesNotThrowAnyException();
	}

	@Test
	void emptyListsAreNoOutcome() {
		Outcomes empty = outcomes(List.of(), null, null, null, List.of());

		assertThatCode(() -> OutcomeFields.check(ActivityType.SPORTS_EVENT, empty)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@EnumSource(value = AgreementStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
	void onlyAnActiveAgreementTakesActivities(AgreementStatus status) {
		assertThatThrownBy(() -> ActivityRules.check(activity(ActivityType.ANNUAL_REVIEW, REVIEW), agreement(status)))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("agreementId"))
			.hasMessageContaining(status.name());
	}

	@Test
	void datesOutsideTheAgreementsPeriodAreRefused() {
		ActivityDetails before = activity(ActivityType.ANNUAL_REVIEW, REVIEW)
			.withDates(LocalDateTime.of(2009, 10, 14, 8, 0), LocalDateTime.of(2009, 10, 14, 11, 0));
		ActivityDetails endsAfter = activity(ActivityType.ANNUAL_REVIEW, REVIEW)
			.withDates(LocalDateTime.of(2014, 10, 14, 8, 0), LocalDateTime.of(2014, 10, 15, 11, 0));

		for (ActivityDetails outside : List.of(before, endsAfter)) {
			assertThatThrownBy(() -> ActivityRules.check(outside, AGREEMENT))
				.isInstanceOfSatisfying(RuleViolationException.class,
						(ex) -> assertThat(ex.field()).isEqualTo("startsAt"))
				.hasMessageContaining("period");
		}
	}

	@Test
	void theHostParticipantsAndCommitmentsMustBeTheAgreements() {
		ActivityDetails ok = activity(ActivityType.ANNUAL_REVIEW, REVIEW);
		ActivityDetails foreignHost = new ActivityDetails("agr-1", ok.type(), ok.title(), null, START, START,
				ok.timeZone(), null, "org-hn", List.of("org-ld"), List.of(), List.of(), ok.status(), null, null);
		ActivityDetails foreignParticipant = new ActivityDetails("agr-1", ok.type(), ok.title(), null, START, START,
				ok.timeZone(), null, "org-hcm", List.of("org-ld", "org-dn"), List.of(), List.of(), ok.status(), null,
				null);
		ActivityDetails foreignCommitment = new ActivityDetails("agr-1", ok.type(), ok.title(), null, START, START,
				ok.timeZone(), null, "org-hcm", List.of("org-ld"), List.of(), List.of("cmt-2", "cmt-other"),
				ok.status(), null, null);

		assertThat(violation(foreignHost).field()).isEqualTo("hostOrganizationId");
		assertThat(violation(foreignParticipant).field()).isEqualTo("participantOrganizationIds[1]");
		assertThat(violation(foreignCommitment).field()).isEqualTo("commitmentIds[1]");
	}

	@Test
	void departmentsMustBeTheHostsOrAParticipantsIgnoringCaseAndDiacritics() {
		List<KnownOrganization> known = List.of(
				new KnownOrganization("org-hcm", 1, "HCM", List.of("Phòng Quản lý Đầu tư")),
				new KnownOrganization("org-ld", 1, "LD", List.of("Văn phòng")));
		ActivityDetails named = activity(ActivityType.EXPERIENCE_EXCHANGE, TOPIC)
			.withDepartments(List.of("phong quan ly dau tu", "Văn phòng"));

		assertThat(ActivityRules.checkDepartments(named, known).participatingDepartments())
			.containsExactly("Phòng Quản lý Đầu tư", "Văn phòng");
		assertThatThrownBy(() -> ActivityRules
			.checkDepartments(named.withDepartments(List.of("Văn phòng", "Phòng Tài chính")), known))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("participatingDepartments[1]"))
			.hasMessageContaining("Phòng Tài chính");
	}

	@Test
	void departmentsAreTakenAsGivenWhileAnOrganizationTakingPartIsNotKnownWithItsDepartments() {
		ActivityDetails named = activity(ActivityType.EXPERIENCE_EXCHANGE, TOPIC)
			.withDepartments(List.of("Phòng Tài chính"));
		List<KnownOrganization> hostOnly = List.of(new KnownOrganization("org-hcm", 1, "HCM", List.of("Văn phòng")));
		List<KnownOrganization> noneListed = List.of(new KnownOrganization("org-hcm", 1, "HCM", List.of("Văn phòng")),
				new KnownOrganization("org-ld", 1, "LD", null));

		assertThat(ActivityRules.checkDepartments(named, hostOnly).participatingDepartments())
			.containsExactly("Phòng Tài chính");
		assertThat(ActivityRules.checkDepartments(named, noneListed).participatingDepartments())
			.containsExactly("Phòng Tài chính");
	}

	private static RuleViolationException violation(ActivityDetails activity) {
		try {
			ActivityRules.check(activity, AGREEMENT);
		}
		catch (RuleViolationException ex) {
			return ex;
		}
		throw new AssertionError("no rule violated");
	}

	private static Outcomes named(String name) {
		return switch (name) {
			case "FIGURES" -> FIGURES;
			case "DOCUMENTS" -> DOCUMENTS;
			case "TOPIC" -> TOPIC;
			case "PARTICIPANTS" -> PARTICIPANTS;
			case "REVIEW" -> REVIEW;
			default -> throw new IllegalArgumentException(name);
		};
	}

}
