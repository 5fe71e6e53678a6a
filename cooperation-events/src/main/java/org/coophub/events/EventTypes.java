package org.coophub.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coophub.events.activity.ActivityCancelled;
import org.coophub.events.activity.ActivityCompleted;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityRescheduled;
import org.coophub.events.activity.ActivityUpdated;
import org.coophub.events.agreement.AgreementAmended;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.CommitmentAdded;
import org.coophub.events.agreement.CommitmentUpdated;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationUpdated;
import org.coophub.events.agreement.PartyAccepted;
import org.coophub.events.agreement.PartyDeclined;
import org.coophub.events.notification.NotificationFailed;
import org.coophub.events.notification.NotificationSent;
import org.coophub.events.notification.ReviewHeld;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.events.report.AnnualReportGenerated;

/**
 * Every event type of the system, so a consumer can tell an unknown type (a poison
 * message) from one it merely does not handle.
 */
public final class EventTypes {

	public static final List<Class<? extends DomainEvent>> ALL = List.of(OrganizationRegistered.class,
			AgreementCreated.class, AgreementStatusChanged.class, OrganizationUpdated.class, AgreementAmended.class,
			CommitmentAdded.class, CommitmentUpdated.class, PartyAccepted.class, PartyDeclined.class,
			// activity-events
			ActivityRecorded.class, ActivityUpdated.class, ActivityRescheduled.class, ActivityCompleted.class,
			ActivityCancelled.class,
			// report-events
			AnnualReportGenerated.class,
			// notification-events
			ReviewScheduled.class, ReviewHeld.class, NotificationSent.class, NotificationFailed.class);

	private static final Map<String, Class<? extends DomainEvent>> BY_NAME = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(EventTypes::typeOf, Function.identity()));

	private EventTypes() {
	}

	public static String typeOf(Class<? extends DomainEvent> eventClass) {
		return annotationOf(eventClass).value();
	}

	public static String topicOf(Class<? extends DomainEvent> eventClass) {
		return annotationOf(eventClass).topic();
	}

	public static Optional<Class<? extends DomainEvent>> classOf(String type) {
		return Optional.ofNullable(BY_NAME.get(type));
	}

	private static EventType annotationOf(Class<?> eventClass) {
		EventType annotation = eventClass.getAnnotation(EventType.class);
		if (annotation == null) {
			throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
		}
		return annotation;
	}

}
