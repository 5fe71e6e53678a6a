package org.coophub.reporting.dashboard;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.common.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementDashboardTest {

	private final AgreementDashboard dashboard = new AgreementDashboard("agr-1", null);

	private static ActivityEntry conference(String id, long version, int investors, String capital, String currency) {
		ActivityState state = new ActivityState(id, "agr-1", ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư", "Investment conference"),
				LocalDateTime.of(2012, 5, 20, 8, 0), LocalDateTime.of(2012, 5, 20, 17, 0), "Asia/Ho_Chi_Minh", null,
				"hcm", List.of("ld"), List.of(), ActivityStatus.COMPLETED,
				new Outcomes(investors, 10, 3, 2, 1, new Money(new BigDecimal(capital), currency)));
		return ActivityEntry.of(state, version);
	}

	@Test
	void aRedeliveredEventChangesNothing() {
		assertThat(this.dashboard.apply(conference("a1", 1, 100, "1000", "VND"))).isTrue();
		assertThat(this.dashboard.apply(conference("a1", 1, 100, "1000", "VND"))).isFalse();
		assertThat(AgreementDashboardView.of(this.dashboard).conferenceTotals().investorsAttending()).isEqualTo(100);
	}

	@Test
	void anOlderVersionArrivingLateIsIgnored() {
		this.dashboard.apply(conference("a1", 2, 150, "1000", "VND"));
		assertThat(this.dashboard.apply(conference("a1", 1, 100, "1000", "VND"))).isFalse();
		assertThat(AgreementDashboardView.of(this.dashboard).conferenceTotals().investorsAttending()).isEqualTo(150);
	}

	@Test
	void totalsAddUpPerCurrencyAndCountsGoByTypeAndYear() {
		this.dashboard.apply(conference("a1", 1, 100, "350000000000", "VND"));
		this.dashboard.apply(conference("a2", 1, 20, "5000000", "USD"));
		this.dashboard.apply(conference("a3", 1, 30, "1000000000", "VND"));
		AgreementDashboardView view = AgreementDashboardView.of(this.dashboard);
		assertThat(view.conferenceTotals().conferences()).isEqualTo(3);
		assertThat(view.conferenceTotals().investorsAttending()).isEqualTo(150);
		assertThat(view.conferenceTotals().registeredCapital()).containsEntry("VND", new BigDecimal("351000000000"))
			.containsEntry("USD", new BigDecimal("5000000"));
		assertThat(view.activitiesByType()).containsEntry(ActivityType.INVESTMENT_PROMOTION_CONFERENCE, 3L);
		assertThat(view.activitiesByYear().get(2012)).containsEntry(ActivityType.INVESTMENT_PROMOTION_CONFERENCE, 3L);
	}

}
