package org.coophub.agreement.agreement;

import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;

/**
 * What a list of agreements is narrowed to; every part is optional.
 *
 * @param party an organization id that must be a party
 * @param q free text: each of its words begins a word of the code, the titles or the
 * commitments' titles, ignoring case and diacritics ({@code SearchTokens})
 */
record AgreementFilter(AgreementStatus status, String party, Area area, String q) {
}
