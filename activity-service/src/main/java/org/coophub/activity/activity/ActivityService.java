package org.coophub.activity.activity;

import java.time.Clock;

import org.coophub.activity.agreement.KnownAgreement;
import org.coophub.activity.agreement.KnownAgreements;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;

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

	Activity get(String id) {
		return this.activities.findById(id).orElseThrow(() -> new NotFoundException("Activity", id));
	}

	Page<Activity> list(String agreementId, Pageable pageable) {
		return (agreementId != null) ? this.activities.findByAgreementId(agreementId, pageable)
				: this.activities.findAll(pageable);
	}

}
