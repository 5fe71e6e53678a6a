package org.coophub.reporting.dashboard;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.Outcomes;

/**
 * What the completed promotion conferences achieved together; capital per currency, never
 * converted.
 */
public record ConferenceTotals(int conferences, int investorsAttending, int enterprisesAttending, int investmentLeads,
		int mousSigned, int projectsRegistered, Map<String, BigDecimal> registeredCapital) {

	public static ConferenceTotals of(Collection<ActivityEntry> activities) {
		int conferences = 0;
		int investors = 0;
		int enterprises = 0;
		int leads = 0;
		int mous = 0;
		int projects = 0;
		Map<String, BigDecimal> capital = new TreeMap<>();
		for (ActivityEntry activity : activities) {
			if (!activity.type().isPromotion() || activity.status() != ActivityStatus.COMPLETED) {
				continue;
			}
			conferences++;
			Outcomes o = activity.outcomes();
			if (o == null) {
				continue;
			}
			investors += orZero(o.investorsAttending());
			enterprises += orZero(o.enterprisesAttending());
			leads += orZero(o.investmentLeads());
			mous += orZero(o.mousSigned());
			projects += orZero(o.projectsRegistered());
			if (o.registeredCapital() != null) {
				capital.merge(o.registeredCapital().currency(), o.registeredCapital().amount(), BigDecimal::add);
			}
		}
		return new ConferenceTotals(conferences, investors, enterprises, leads, mous, projects, capital);
	}

	private static int orZero(Integer value) {
		return (value != null) ? value : 0;
	}

}
