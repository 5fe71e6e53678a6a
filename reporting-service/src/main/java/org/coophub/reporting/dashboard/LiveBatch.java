package org.coophub.reporting.dashboard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.coophub.platform.zone.ProgramZone;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A poll's live events, written together: what {@link Projector} writes per event, kept
 * in one {@link ReplayBatch} per generation written to (the active one, and one being
 * rebuilt) and {@link #write() written} with one bulk write per collection, then pushed
 * to the open pages of every agreement the poll touched.
 */
public final class LiveBatch extends ProjectionTarget {

	/** An organization's change concerns every page. */
	private static final String EVERY_AGREEMENT = null;

	private final List<ReplayBatch> generations;

	private final ApplicationEventPublisher events;

	private final Set<String> touched = new LinkedHashSet<>();

	LiveBatch(List<ReplayBatch> generations, ApplicationEventPublisher events, ProgramZone programZone) {
		super(programZone);
		this.generations = generations;
		this.events = events;
	}

	@Override
	public void review(String agreementId, ReviewEntry review) {
		this.generations.forEach((g) -> g.review(agreementId, review));
		this.touched.add(agreementId);
	}

	@Override
	void agreement(String agreementId, AgreementSummary agreement) {
		this.generations.forEach((g) -> g.agreement(agreementId, agreement));
		this.touched.add(agreementId);
	}

	@Override
	void activity(StoredActivity activity) {
		this.generations.forEach((g) -> g.activity(activity));
		this.touched.add(activity.agreementId());
	}

	@Override
	void agreementVersion(AgreementVersion version) {
		this.generations.forEach((g) -> g.agreementVersion(version));
	}

	@Override
	void reviewCycle(ReviewCycleEntry cycle) {
		this.generations.forEach((g) -> g.reviewCycle(cycle));
	}

	@Override
	void notification(StoredNotification notification) {
		this.generations.forEach((g) -> g.notification(notification));
		this.touched.add(notification.agreementId());
	}

	@Override
	void organization(OrganizationName organization) {
		this.generations.forEach((g) -> g.organization(organization));
		this.touched.add(EVERY_AGREEMENT);
	}

	/**
	 * Writes what the poll left and tells the open pages; a second call writes only what
	 * came since.
	 */
	public void write() {
		this.generations.forEach(ReplayBatch::flush);
		boolean everything = this.touched.contains(EVERY_AGREEMENT);
		if (everything) {
			this.events.publishEvent(new DashboardChanged(EVERY_AGREEMENT));
		}
		else {
			this.touched.forEach((agreementId) -> this.events.publishEvent(new DashboardChanged(agreementId)));
		}
		this.touched.clear();
	}

}
