package org.coophub.notification.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * Every notification planned, sent, failed or cancelled.
 */
@Component
public class NotificationLedger {

	private final MongoTemplate mongo;

	NotificationLedger(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Plans a notification unless one with the same send key exists.
	 * @param notification the notification
	 * @return whether it was new
	 */
	public boolean plan(Notification notification) {
		try {
			this.mongo.insert(notification);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Plans many notifications in one unordered bulk insert: each one unless one with its
	 * send key exists, the others inserted all the same.
	 * @param notifications the notifications
	 * @return the send keys of those that existed already
	 */
	public List<String> planAll(List<Notification> notifications) {
		Set<Integer> existing = insertUnlessPresent(notifications);
		return existing.stream().map((index) -> notifications.get(index).id()).toList();
	}

	/**
	 * Plans many notifications as {@link #planAll} does, and answers those it inserted as
	 * inserted: with the optimistic lock's version stored with them (0), which the save
	 * of their outcome expects.
	 * @param notifications the notifications, each send key once
	 * @return those that did not exist yet, in order
	 */
	List<Notification> planAllAsInserted(List<Notification> notifications) {
		Set<Integer> existing = insertUnlessPresent(notifications);
		MongoPersistentEntity<?> entity = this.mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(Notification.class);
		List<Notification> inserted = new ArrayList<>(notifications.size());
		for (int i = 0; i < notifications.size(); i++) {
			if (!existing.contains(i)) {
				Notification notification = notifications.get(i);
				entity.getPropertyAccessor(notification).setProperty(entity.getRequiredVersionProperty(), 0L);
				inserted.add(notification);
			}
		}
		return inserted;
	}

	/**
	 * One unordered insert of all: a duplicate send key refuses that one alone.
	 * @return the indexes of those refused because their send key existed
	 */
	private Set<Integer> insertUnlessPresent(List<Notification> notifications) {
		if (notifications.isEmpty()) {
			return Set.of();
		}
		List<Document> documents = notifications.stream().map(this::document).toList();
		return this.mongo.execute(Notification.class, (collection) -> {
			try {
				collection.insertMany(documents, new InsertManyOptions().ordered(false));
				return Set.of();
			}
			catch (MongoBulkWriteException ex) {
				boolean onlyExisting = ex.getWriteConcernError() == null && ex.getWriteErrors()
					.stream()
					.allMatch((error) -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
				if (!onlyExisting) {
					throw ex;
				}
				return ex.getWriteErrors().stream().map(BulkWriteError::getIndex).collect(Collectors.toSet());
			}
		});
	}

	/**
	 * The document {@link MongoTemplate#insert(Object)} would write: the optimistic lock
	 * starts at 0, so the dispatcher's save after its claim finds what it expects.
	 */
	private Document document(Notification notification) {
		Document document = new Document();
		this.mongo.getConverter().write(notification, document);
		document.putIfAbsent("lockVersion", 0L);
		return document;
	}

	/**
	 * Plans cancelled reminders again, in one update: a review moved back to a date it
	 * had before. The others (planned, being sent, sent) are left alone.
	 * @param keys the send keys
	 * @return how many cancelled reminders were planned again
	 */
	public long replanAll(Collection<String> keys) {
		if (keys.isEmpty()) {
			return 0;
		}
		Query cancelled = Query
			.query(Criteria.where("_id").in(keys).and(Notification.STATUS).is(NotificationStatus.CANCELLED));
		return this.mongo.updateMulti(cancelled, replanned(), Notification.class).getModifiedCount();
	}

	private static Update replanned() {
		return new Update().set(Notification.STATUS, NotificationStatus.PLANNED)
			.unset("lastError")
			.inc("version", 1)
			.inc("lockVersion", 1);
	}

	/**
	 * Cancels the planned reminders of an agreement that are no longer right; reminders
	 * already being sent are left alone.
	 * @param agreementId the agreement
	 * @param keep the send keys that are still right
	 * @return how many were cancelled
	 */
	public long cancelRemindersExcept(String agreementId, Collection<String> keep) {
		Query wrong = Query.query(Criteria.where("agreementId")
			.is(agreementId)
			.and("kind")
			.is(NotificationKind.REVIEW_REMINDER)
			.and(Notification.STATUS)
			.is(NotificationStatus.PLANNED)
			.and("_id")
			.nin(keep));
		Update cancelled = new Update().set(Notification.STATUS, NotificationStatus.CANCELLED)
			.set("lastError", "The review moved, was held or the recipient left")
			.inc("version", 1)
			.inc("lockVersion", 1);
		return this.mongo.updateMulti(wrong, cancelled, Notification.class).getModifiedCount();
	}

	Page<Notification> find(Filter filter, Pageable pageable) {
		Criteria criteria = new Criteria();
		if (filter.kind() != null) {
			criteria.and("kind").is(filter.kind());
		}
		if (filter.agreementId() != null) {
			criteria.and("agreementId").is(filter.agreementId());
		}
		if (filter.recipient() != null) {
			criteria.and("recipient").is(filter.recipient().strip().toLowerCase(Locale.ROOT));
		}
		if (filter.status() != null) {
			criteria.and(Notification.STATUS).is(filter.status());
		}
		if (filter.from() != null && filter.to() != null) {
			criteria.and("dueAt").gte(filter.from()).lt(filter.to());
		}
		else if (filter.from() != null) {
			criteria.and("dueAt").gte(filter.from());
		}
		else if (filter.to() != null) {
			criteria.and("dueAt").lt(filter.to());
		}
		Sort defaultOrder = (filter.kind() != null) ? Sort.by("dueAt", "_id")
				: Sort.by(Sort.Direction.DESC, "plannedAt");
		Pageable page = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
				pageable.getSortOr(defaultOrder));
		Query query = Query.query(criteria);
		return PageableExecutionUtils.getPage(this.mongo.find(Query.of(query).with(page), Notification.class), page,
				() -> this.mongo.count(query, Notification.class));
	}

	/**
	 * What to list.
	 *
	 * @param kind the kind, or null for all
	 * @param agreementId the agreement, or null
	 * @param recipient the recipient's address, or null
	 * @param status the status, or null
	 * @param from the earliest due moment, inclusive, or null
	 * @param to the latest due moment, exclusive, or null
	 */
	record Filter(NotificationKind kind, String agreementId, String recipient, NotificationStatus status, Instant from,
			Instant to) {
	}

	/**
	 * The review reminders of one cycle that went out: whoever received one has the
	 * review in their calendar, and is told when it is cancelled or moved.
	 * @param agreementId the agreement
	 * @param year the cycle's year
	 * @return the reminders sent
	 */
	public java.util.List<Notification> sentReminders(String agreementId, int year) {
		Query sent = Query.query(Criteria.where("agreementId")
			.is(agreementId)
			.and("kind")
			.is(NotificationKind.REVIEW_REMINDER)
			.and("reminder.year")
			.is(year)
			.and(Notification.STATUS)
			.is(NotificationStatus.SENT));
		return this.mongo.find(sent, Notification.class);
	}

}
