package org.coophub.activity.activity;

import java.time.Clock;

import org.coophub.activity.agreement.KnownAgreement;
import org.coophub.activity.agreement.KnownAgreements;
import org.coophub.events.activity.Outcomes;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.web.Versions;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

@Service
class ActivityService {

	private final Activities activities;

	private final KnownAgreements agreements;

	private final OutboxWriter outbox;

	private final Clock clock;

	ActivityService(Activities activities, KnownAgreements agreements, OutboxWriter outbox, Clock clock) {
		this.activities = activities;
		this.agreements = agreements;
		this.outbox = outbox;
		this.clock = clock;
	}

	Activity record(ActivityDetails details) {
		KnownAgreement agreement = this.agreements.find(details.agreementId())
			.orElseThrow(() -> new RuleViolationException("agreementId", "Agreement " + details.agreementId()
					+ " is not known (yet): it does not exist, or its creation has not reached activity-service"));
		ActivityRules.check(details, agreement);
		Activity activity = Activity.record(details);
		return this.outbox.save(activity, activity.recorded(this.clock.instant()));
	}

	Activity complete(String id, String ifMatch, Outcomes outcomes) {
		Activity activity = current(id, ifMatch);
		return this.outbox.save(activity, activity.complete(outcomes, this.clock.instant()));
	}

	Activity cancel(String id, String ifMatch) {
		Activity activity = current(id, ifMatch);
		return this.outbox.save(activity, activity.cancel(this.clock.instant()));
	}

	Activity reschedule(String id, String ifMatch, ActivityChanges.NewDates dates) {
		Activity activity = current(id, ifMatch);
		ActivityRules.check(activity.details().withDates(dates.startsAt(), dates.endsAt()), agreementOf(activity));
		return this.outbox.save(activity,
				activity.reschedule(dates.startsAt(), dates.endsAt(), dates.note(), this.clock.instant()));
	}

	Activity update(String id, String ifMatch, ActivityChanges.Patch patch) {
		Activity activity = current(id, ifMatch);
		ActivityDetails changed = patch.applyTo(activity.details());
		ActivityRules.checkParticipation(changed, agreementOf(activity));
		return this.outbox.save(activity, activity.update(changed, this.clock.instant()));
	}

	private Activity current(String id, String ifMatch) {
		Activity activity = get(id);
		Versions.requireMatch(ifMatch, activity.version());
		return activity;
	}

	private KnownAgreement agreementOf(Activity activity) {
		String agreementId = activity.details().agreementId();
		return this.agreements.find(agreementId)
			.orElseThrow(
					() -> new IllegalStateException("Agreement " + agreementId + " of a stored activity is unknown"));
	}

	Activity get(String id) {
		return this.activities.findById(id).orElseThrow(() -> new NotFoundException("Activity", id));
	}

	Page<Activity> list(String agreementId, Pageable pageable) {
		return (agreementId != null) ? this.activities.findByAgreementId(agreementId, pageable)
				: this.activities.findAll(pageable);
	}

}
