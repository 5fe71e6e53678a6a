package org.coophub.agreement.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgreementTest {

	static AgreementTerms terms(ReviewPolicy policy) {
		return new AgreementTerms("CTHT-LD-HCM", new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party("ld", PartyRole.LEAD), new Party("hcm", PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), LocalDate.of(2029, 12, 31), "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), List.of(), policy);
	}

	static ReviewPolicy policy(List<String> rotation, String lastHost) {
		return new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", rotation, lastHost, List.of(30, 7, 1));
	}

	@Test
	void aDraftBecomesActiveOnceWithANewVersion() {
		Agreement agreement = Agreement.draft(terms(policy(List.of("hcm", "ld"), "hcm")));
		assertThat(agreement.state().status()).isEqualTo(AgreementStatus.DRAFT);

		AgreementStatusChanged changed = (AgreementStatusChanged) agreement.activate(Instant.EPOCH);

		assertThat(changed.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
		assertThat(changed.version()).isEqualTo(2);
		assertThatThrownBy(() -> agreement.activate(Instant.EPOCH)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("ACTIVE");
	}

	@Test
	void rotationMembersMustBeParties() {
		assertThatThrownBy(() -> AgreementRules.check(terms(policy(List.of("hcm", "other"), null))))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("party");
	}

	@Test
	void theLastHostMustBeInTheRotation() {
		assertThatThrownBy(() -> AgreementRules.check(terms(policy(List.of("hcm"), "ld"))))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("last host");
	}

	@Test
	void aReviewDayMustExistInItsMonthButLeapDayIsAllowed() {
		ReviewPolicy april31 = new ReviewPolicy(4, 31, "Asia/Ho_Chi_Minh", List.of("hcm", "ld"), null, List.of(7));
		assertThatThrownBy(() -> AgreementRules.check(terms(april31))).isInstanceOf(RuleViolationException.class);
		ReviewPolicy leapDay = new ReviewPolicy(2, 29, "Asia/Ho_Chi_Minh", List.of("hcm", "ld"), null, List.of(7));
		assertThatCode(() -> AgreementRules.check(terms(leapDay))).doesNotThrowAnyException();
	}

	@Test
	void anUnknownTimeZoneIsRefused() {
		ReviewPolicy mars = new ReviewPolicy(11, 6, "Mars/Olympus", List.of("hcm", "ld"), null, List.of(7));
		assertThatThrownBy(() -> AgreementRules.check(terms(mars))).isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("Mars/Olympus");
	}

}
