package org.coophub.notification.reminder;

import java.time.LocalDate;
import java.util.List;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.platform.projection.VersionedUpserts;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The activities of each agreement, as much as a review digest needs.
 */
@Component
public class ActivityLog {

	private final MongoTemplate mongo;

	private final VersionedUpserts upserts;

	ActivityLog(MongoTemplate mongo, VersionedUpserts upserts) {
		this.mongo = mongo;
		this.upserts = upserts;
	}

	public void apply(ActivityState activity, long version) {
		this.upserts.upsertIfNewer(LoggedActivity.of(activity, version));
	}

	/**
	 * The activities completed after one day and up to another.
	 * @param agreementId the agreement
	 * @param after the exclusive start, or null for all
	 * @param until the inclusive end
	 * @return the activities
	 */
	List<LoggedActivity> completed(String agreementId, LocalDate after, LocalDate until) {
		Query query = Query.query(Criteria.where("agreementId").is(agreementId));
		return this.mongo.find(query, LoggedActivity.class)
			.stream()
			.filter((a) -> a.status() == ActivityStatus.COMPLETED && a.on() != null)
			.filter((a) -> (after == null || a.on().isAfter(after)) && !a.on().isAfter(until))
			.toList();
	}

}
