package org.coophub.events.activity;

import java.util.List;

import org.coophub.events.common.Money;

/**
 * What an activity achieved. Every field is optional; which ones make sense depends on
 * the activity's type: the figures for conferences and trade promotion, {@code documents}
 * for information exchange and document sharing, {@code topic} and {@code participants}
 * for experience exchange and training, {@code minutesLink} and {@code planItems} for an
 * annual review, {@code participants} for joint meetings and sports events.
 */
public record Outcomes(Integer investorsAttending, Integer enterprisesAttending, Integer investmentLeads,
		Integer mousSigned, Integer projectsRegistered, Money registeredCapital, List<SharedDocument> documents,
		String topic, Integer participants, String minutesLink, List<String> planItems) {

	/**
	 * The outcomes of a promotion conference: its figures only.
	 */
	public Outcomes(Integer investorsAttending, Integer enterprisesAttending, Integer investmentLeads,
			Integer mousSigned, Integer projectsRegistered, Money registeredCapital) {
		this(investorsAttending, enterprisesAttending, investmentLeads, mousSigned, projectsRegistered,
				registeredCapital, null, null, null, null, null);
	}

}
