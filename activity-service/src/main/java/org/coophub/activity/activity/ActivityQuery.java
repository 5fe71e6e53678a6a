package org.coophub.activity.activity;

import java.time.LocalDate;

import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.platform.text.SearchText;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Which activities to list or export: every field optional; {@code from} and {@code to}
 * bound the start day, {@code q} searches title, description and place ignoring
 * diacritics.
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
		if (this.q != null && !this.q.isBlank()) {
			criteria.and("searchText").regex(SearchText.containsPattern(this.q));
		}
		return criteria;
	}

}
