package org.coophub.notification.notification;

import java.util.Optional;

import org.coophub.notification.directory.AgreementParties;

/**
 * Where the handling of one activity event reads its agreement's parties and leaves its
 * notices: planned at once, one event at a time ({@link ActivityNotices#atOnce()}), or
 * kept for the poll it came in and planned with the poll's others ({@link NoticeBatch};
 * docs/notifications.md, "Cost per activity").
 */
public interface NoticePlans {

	/**
	 * @param agreementId the agreement
	 * @return it with its parties, if known
	 */
	Optional<AgreementParties> parties(String agreementId);

	/**
	 * Plans a notice claimed by this instance and sends it soon, unless its send key
	 * exists (a redelivered event): then it is neither planned nor sent again.
	 * @param notice the notice, planned now
	 */
	void sendSoon(Notification notice);

	/**
	 * Keeps a notice in the ledger that is not to be sent (SUPPRESSED), unless its send
	 * key exists.
	 * @param notice the notice
	 */
	void keepUnsent(Notification notice);

}
