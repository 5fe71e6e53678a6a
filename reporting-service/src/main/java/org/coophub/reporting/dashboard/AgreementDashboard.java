package org.coophub.reporting.dashboard;

import java.util.HashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

/**
 * The projection behind one agreement's dashboard, shaped so a page is one lookup by id.
 * Activities and notifications are kept by id with their version, the review with the
 * cycle's version, so a redelivered or older event changes nothing, and every count is
 * recomputed from what is held. Stored in the active generation's collection (see
 * {@link ProjectionCollections}).
 */
public class AgreementDashboard {

	@Id
	private final String agreementId;

	private AgreementSummary agreement;

	private final Map<String, ActivityEntry> activities;

	private final Map<String, NotificationEntry> notifications;

	private ReviewEntry review;

	@Version
	private Long lockVersion;

	@PersistenceCreator
	AgreementDashboard(String agreementId, Map<String, ActivityEntry> activities,
			Map<String, NotificationEntry> notifications) {
		this.agreementId = agreementId;
		this.activities = (activities != null) ? new HashMap<>(activities) : new HashMap<>();
		this.notifications = (notifications != null) ? new HashMap<>(notifications) : new HashMap<>();
	}

	AgreementDashboard(String agreementId) {
		this(agreementId, null, null);
	}

	/**
	 * Applies the agreement's new state.
	 * @param summary the agreement at its version
	 * @return whether the summary was newer than what the dashboard held
	 */
	boolean apply(AgreementSummary summary) {
		if (this.agreement != null && this.agreement.version() >= summary.version()) {
			return false;
		}
		this.agreement = summary;
		return true;
	}

	/**
	 * Applies an activity's new state.
	 * @param entry the activity at its version
	 * @return whether the entry was newer than what the dashboard held
	 */
	boolean apply(ActivityEntry entry) {
		ActivityEntry held = this.activities.get(entry.id());
		if (held != null && held.version() >= entry.version()) {
			return false;
		}
		this.activities.put(entry.id(), entry);
		return true;
	}

	/**
	 * Applies the review cycle's new state.
	 * @param entry the review at the cycle's version
	 * @return whether the entry was newer than what the dashboard held
	 */
	boolean apply(ReviewEntry entry) {
		if (this.review != null && this.review.version() >= entry.version()) {
			return false;
		}
		this.review = entry;
		return true;
	}

	/**
	 * Applies a notification's outcome.
	 * @param notificationId the notification
	 * @param entry its outcome at its version
	 * @return whether the entry was newer than what the dashboard held
	 */
	boolean apply(String notificationId, NotificationEntry entry) {
		NotificationEntry held = this.notifications.get(notificationId);
		if (held != null && held.version() >= entry.version()) {
			return false;
		}
		this.notifications.put(notificationId, entry);
		return true;
	}

	public String agreementId() {
		return this.agreementId;
	}

	public AgreementSummary agreement() {
		return this.agreement;
	}

	public Map<String, ActivityEntry> activities() {
		return this.activities;
	}

	public Map<String, NotificationEntry> notifications() {
		return this.notifications;
	}

	public ReviewEntry review() {
		return this.review;
	}

}
