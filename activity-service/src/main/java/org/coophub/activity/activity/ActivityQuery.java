package org.coophub.activity.activity;

import java.time.LocalDate;

import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.platform.text.SearchTokens;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Which activities to list or export: every field optional; {@code from} and {@code to}
 * bound the start day, each word of {@code q} begins a word of the title, description,
 * place or topic, ignoring case and diacritics (an index lookup of the activities'
 * {@link SearchTokens}). A list is sorted by the start, an indexed field, alone or after
 * the agreement ({@link Activity}'s compound indexes), and then by id.
 */
record ActivityQuery(String agreementId, ActivityType type, ActivityStatus status, String hostOrganizationId,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String q) {

	Criteria criteria() {
		Criteria criteria = new Criteria();
		if (this.agreementId != null) {
			criteria.and("agreementId").is(this.agreementId);
		}
		if (this.type != null) {
			criteria.and("details.type").is(this.type);
		}
		if (this.status != null) {
			criteria.and("details.status").is(this.status);
		}
		if (this.hostOrganizationId != null) {
			criteria.and("details.hostOrganizationId").is(this.hostOrganizationId);
		}
		if (this.from != null || this.to != null) {
			Criteria starts = criteria.and("details.startsAt");
			if (this.from != null) {
				starts.gte(this.from.atStartOfDay());
			}
			if (this.to != null) {
				starts.lt(this.to.plusDays(1).atStartOfDay());
			}
		}
		return SearchTokens.narrow(criteria, this.q);
	}

}
