package org.coophub.reporting.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.reporting.dashboard.AgreementDashboardView;
import org.coophub.reporting.dashboard.CommitmentProgress;
import org.coophub.reporting.dashboard.NextReview;
import org.coophub.reporting.dashboard.PartyView;

/**
 * What an organization has to follow up ("Việc cần theo dõi" / "My follow-ups"), from the
 * dashboards of the agreements it is a party of (of every agreement for the secretariat):
 * reviews due within {@link #REVIEW_WINDOW} or overdue, open commitments behind this
 * year's target that it is responsible for (or that name no one), parties whose
 * acceptance is pending (its own, or every one for the secretariat), and the agreements
 * whose mail failed, with how many (the ledger lists the mails themselves).
 *
 * @param organizationCode the user's organization, or null when the list covers every
 * agreement
 * @param organizationId its id, or null (every agreement, or an organization not known
 * yet: then the lists are empty)
 * @param today the program's date the lists were worked out for
 * @param reviews reviews due or overdue, earliest first
 * @param commitments commitments behind target, by agreement code
 * @param acceptance parties awaiting acceptance, by agreement code
 * @param failedMail agreements with failed mail, by agreement code
 */
public record FollowUps(String organizationCode, String organizationId, LocalDate today, List<ReviewDue> reviews,
		List<CommitmentBehind> commitments, List<AcceptancePending> acceptance, List<FailedMail> failedMail) {

	/** How far ahead a review counts as due: the reminders' first lead time. */
	public static final Period REVIEW_WINDOW = Period.ofDays(30);

	/**
	 * The follow-ups of the given dashboards.
	 * @param organizationCode the user's organization code, or null for everything
	 * @param organizationId the organization's id, or null for everything
	 * @param dashboards the dashboards of the agreements it is a party of
	 * @param today the program's date today
	 * @return the follow-ups
	 */
	static FollowUps of(String organizationCode, String organizationId, List<AgreementDashboardView> dashboards,
			LocalDate today) {
		List<ReviewDue> reviews = new ArrayList<>();
		List<CommitmentBehind> commitments = new ArrayList<>();
		List<AcceptancePending> acceptance = new ArrayList<>();
		List<FailedMail> failed = new ArrayList<>();
		for (AgreementDashboardView dashboard : dashboards) {
			AgreementRef agreement = AgreementRef.of(dashboard);
			NextReview review = dashboard.nextReview();
			if (review != null && review.dueOn() != null && due(review, today)) {
				reviews.add(new ReviewDue(agreement, review.year(), review.dueOn(), review.status(),
						review.hostOrganizationId(), review.hostName(), review.overdue()));
			}
			for (CommitmentProgress commitment : dashboard.commitments()) {
				String responsible = commitment.responsibleOrganizationId();
				if (commitment.behindTarget()
						&& (organizationId == null || responsible == null || organizationId.equals(responsible))) {
					CommitmentProgress.Year year = commitment.in(today.getYear());
					commitments.add(new CommitmentBehind(agreement, commitment.id(), commitment.title(), responsible,
							nameOf(dashboard, responsible), year.year(), year.targetValue(), year.planned(),
							year.held(), year.achieved(),
							commitment.measure() != null ? commitment.measure().name() : null, commitment.currency()));
				}
			}
			for (PartyView party : dashboard.parties()) {
				if (party.consent() == PartyConsent.PENDING
						&& (organizationId == null || organizationId.equals(party.organizationId()))) {
					acceptance.add(new AcceptancePending(agreement, party.organizationId(), party.name()));
				}
			}
			long failedMails = (dashboard.notifications() != null) ? dashboard.notifications().failed() : 0;
			if (failedMails > 0) {
				failed.add(new FailedMail(agreement, failedMails));
			}
		}
		reviews.sort(Comparator.comparing(ReviewDue::dueOn));
		return new FollowUps(organizationCode, organizationId, today, reviews, commitments, acceptance, failed);
	}

	/**
	 * Nothing to follow up: the user's organization is not known to the dashboards yet.
	 */
	static FollowUps none(String organizationCode, LocalDate today) {
		return new FollowUps(organizationCode, null, today, List.of(), List.of(), List.of(), List.of());
	}

	private static boolean due(NextReview review, LocalDate today) {
		return review.overdue() || review.status() == ReviewCycleStatus.DUE
				|| !review.dueOn().isAfter(today.plus(REVIEW_WINDOW));
	}

	private static LocalizedText nameOf(AgreementDashboardView dashboard, String organizationId) {
		return dashboard.parties()
			.stream()
			.filter((party) -> Objects.equals(party.organizationId(), organizationId))
			.map(PartyView::name)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The agreement a follow-up is about.
	 *
	 * @param id the agreement's id
	 * @param code its code
	 * @param title its title
	 */
	public record AgreementRef(String id, String code, LocalizedText title) {

		static AgreementRef of(AgreementDashboardView dashboard) {
			return (dashboard.agreement() != null) ? new AgreementRef(dashboard.agreementId(),
					dashboard.agreement().code(), dashboard.agreement().title())
					: new AgreementRef(dashboard.agreementId(), null, null);
		}

	}

	/**
	 * A review due soon or overdue, and who hosts it.
	 *
	 * @param agreement the agreement
	 * @param year the review's cycle
	 * @param dueOn the day it is due
	 * @param status the cycle's status
	 * @param hostOrganizationId the host, if known
	 * @param hostName the host's name, if known
	 * @param overdue whether its day has passed without it being held
	 */
	public record ReviewDue(AgreementRef agreement, int year, LocalDate dueOn, ReviewCycleStatus status,
			String hostOrganizationId, LocalizedText hostName, boolean overdue) {
	}

	/**
	 * An open commitment behind this year's target.
	 *
	 * @param agreement the agreement
	 * @param commitmentId the commitment
	 * @param title its title
	 * @param responsibleOrganizationId who is responsible for it, or null for the parties
	 * together
	 * @param responsibleName their name, if known
	 * @param year this year
	 * @param target this year's target
	 * @param planned activities that count, not cancelled
	 * @param held of those, the completed ones
	 * @param achieved what is measured against the target
	 * @param measure {@code ACTIVITIES} or {@code OUTCOME_SUM}, if given
	 * @param currency the currency of a sum of money, if it is one
	 */
	public record CommitmentBehind(AgreementRef agreement, String commitmentId, LocalizedText title,
			String responsibleOrganizationId, LocalizedText responsibleName, int year, BigDecimal target, long planned,
			long held, BigDecimal achieved, String measure, String currency) {
	}

	/**
	 * A party named by an agreement that has not answered yet.
	 *
	 * @param agreement the agreement
	 * @param organizationId the party
	 * @param name its name, if known
	 */
	public record AcceptancePending(AgreementRef agreement, String organizationId, LocalizedText name) {
	}

	/**
	 * An agreement whose mail failed.
	 *
	 * @param agreement the agreement
	 * @param failed how many of its notices failed
	 */
	public record FailedMail(AgreementRef agreement, long failed) {
	}

}
