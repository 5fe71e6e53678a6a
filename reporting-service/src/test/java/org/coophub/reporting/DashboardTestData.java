package org.coophub.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.common.Money;

/**
 * An agreement and a completed conference as the projection tests publish them.
 */
public final class DashboardTestData {

	private DashboardTestData() {
	}

	public static AgreementState agreement(String id) {
		return new AgreementState(id, "IT-" + id, new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party("org-ld", PartyRole.LEAD), new Party("org-hcm", PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of("org-hcm", "org-ld"), "org-hcm", List.of(30)));
	}

	public static ActivityState conference(String agreementId, String id, int investors, String capital) {
		return new ActivityState(id, agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư", null), LocalDateTime.of(2012, 5, 18, 8, 0),
				LocalDateTime.of(2012, 5, 18, 17, 0), "Asia/Ho_Chi_Minh", null, "org-hcm", List.of("org-ld"), List.of(),
				ActivityStatus.COMPLETED,
				new Outcomes(investors, null, null, null, null, new Money(new BigDecimal(capital), "VND")));
	}

}
