package org.coophub.notification.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
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
	 * @return a poll's activities to log, written together
	 */
	public Batch batch() {
		return new Batch();
	}

	/**
	 * A poll's activities, logged with one bulk write of the same version-guarded upserts
	 * as {@link #apply} (several versions of one activity: the newest).
	 */
	public final class Batch {

		private final List<LoggedActivity> activities = new ArrayList<>();

		private Batch() {
		}

		public void apply(ActivityState activity, long version) {
			this.activities.add(LoggedActivity.of(activity, version));
		}

		public void write() {
			ActivityLog.this.upserts.upsertAllIfNewer(this.activities,
					ActivityLog.this.mongo.getCollectionName(LoggedActivity.class));
			this.activities.clear();
		}

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
