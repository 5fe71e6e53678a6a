package org.coophub.reporting.dashboard;

import java.util.HashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The projection behind one agreement's dashboard, shaped so a page is one lookup by id.
 * Activities are kept by id with their version, so a redelivered or older event changes
 * nothing and totals are always recomputed from what is held.
 */
@Document("agreement_dashboards")
class AgreementDashboard {

	@Id
	private final String agreementId;

	private AgreementSummary agreement;

	private final Map<String, ActivityEntry> activities;

	@Version
	private Long lockVersion;

	@PersistenceCreator
	AgreementDashboard(String agreementId, Map<String, ActivityEntry> activities) {
		this.agreementId = agreementId;
		this.activities = (activities != null) ? new HashMap<>(activities) : new HashMap<>();
	}

	/**
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

	String agreementId() {
		return this.agreementId;
	}

	AgreementSummary agreement() {
		return this.agreement;
	}

	Map<String, ActivityEntry> activities() {
		return this.activities;
	}

}
