package org.coophub.reporting.calendar;

/**
 * Whose calendar: every organization's, one organization's (what it hosts, takes part in
 * or is party to), or one agreement's.
 *
 * @param organizationId the organization, or null
 * @param agreementId the agreement, or null
 */
public record CalendarScope(String organizationId, String agreementId) {

	static final CalendarScope EVERYTHING = new CalendarScope(null, null);

	static CalendarScope organization(String organizationId) {
		return new CalendarScope(organizationId, null);
	}

	static CalendarScope agreement(String agreementId) {
		return new CalendarScope(null, agreementId);
	}

}
