package org.coophub.events.activity;

import org.coophub.events.common.Money;

/**
 * What a promotion conference achieved. Every figure is optional: not every activity has
 * it.
 */
public record Outcomes(Integer investorsAttending, Integer enterprisesAttending, Integer investmentLeads,
		Integer mousSigned, Integer projectsRegistered, Money registeredCapital) {
}
