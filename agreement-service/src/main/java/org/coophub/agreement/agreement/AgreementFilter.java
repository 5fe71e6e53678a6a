package org.coophub.agreement.agreement;

import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;

/**
 * What a list of agreements is narrowed to; every part is optional.
 *
 * @param party an organization id that must be a party
 * @param q free text matched against code and titles, ignoring case and diacritics
 */
record AgreementFilter(AgreementStatus status, String party, Area area, String q) {
}
