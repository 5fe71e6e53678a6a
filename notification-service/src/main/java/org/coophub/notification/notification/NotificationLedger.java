package org.coophub.notification.notification;

import java.util.Locale;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * Every notification planned, sent or failed, newest first.
 */
@Component
class NotificationLedger {

	private final MongoTemplate mongo;

	NotificationLedger(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Page<Notification> find(String agreementId, String recipient, Pageable pageable) {
		Criteria criteria = new Criteria();
		if (agreementId != null) {
			criteria.and("agreementId").is(agreementId);
		}
		if (recipient != null) {
			criteria.and("recipient").is(recipient.strip().toLowerCase(Locale.ROOT));
		}
		Pageable page = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
				pageable.getSortOr(Sort.by(Sort.Direction.DESC, "plannedAt")));
		Query query = Query.query(criteria);
		return PageableExecutionUtils.getPage(this.mongo.find(Query.of(query).with(page), Notification.class), page,
				() -> this.mongo.count(query, Notification.class));
	}

}
