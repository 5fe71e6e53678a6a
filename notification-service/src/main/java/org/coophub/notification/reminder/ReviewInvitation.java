package org.coophub.notification.reminder;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar (RFC 5545) invitation a review reminder carries: an all-day event on the
 * due date whose UID names the agreement and the cycle, so every reminder of a cycle
 * updates the same calendar entry, and whose SEQUENCE grows when the review moves.
 */
final class ReviewInvitation {

	static final String CONTENT_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";

	/**
	 * The content type of a cancellation: the same UID with a higher SEQUENCE removes the
	 * entry from the recipient's calendar.
	 */
	static final String CANCEL_CONTENT_TYPE = "text/calendar; method=CANCEL; charset=UTF-8";

	private ReviewInvitation() {
	}

	static String uid(String agreementId, int year) {
		return "review-" + agreementId + "-" + year + "@coophub";
	}

	/**
	 * Writes the invitation.
	 * @param agreementId the agreement
	 * @param year the cycle's year
	 * @param sequence the cycle's sequence
	 * @param dueOn the review's date
	 * @param summary the event's title
	 * @param description the event's description
	 * @param organizer the sender's address
	 * @param attendee the recipient's address
	 * @param stamp when the invitation was written
	 * @return the iCalendar text
	 */
	static String write(String agreementId, int year, int sequence, LocalDate dueOn, String summary, String description,
			String organizer, String attendee, Instant stamp) {
		return write(agreementId, year, sequence, dueOn, summary, description, organizer, attendee, stamp, false);
	}

	/**
	 * Writes the cancellation of an invitation: {@code METHOD:CANCEL},
	 * {@code STATUS:CANCELLED}, the same UID.
	 * @param agreementId the agreement
	 * @param year the cycle's year
	 * @param sequence the cycle's sequence, higher than any invitation sent
	 * @param dueOn the date the review had
	 * @param summary the event's title
	 * @param description the event's description
	 * @param organizer the sender's address
	 * @param attendee the recipient's address
	 * @param stamp when the cancellation was written
	 * @return the iCalendar text
	 */
	static String cancel(String agreementId, int year, int sequence, LocalDate dueOn, String summary,
			String description, String organizer, String attendee, Instant stamp) {
		return write(agreementId, year, sequence, dueOn, summary, description, organizer, attendee, stamp, true);
	}

	private static String write(String agreementId, int year, int sequence, LocalDate dueOn, String summary,
			String description, String organizer, String attendee, Instant stamp, boolean cancel) {
		VEvent event = new VEvent(false);
		event.add(new DtStamp(stamp));
		event.add(new net.fortuna.ical4j.model.property.DtStart<>(dueOn));
		event.add(new net.fortuna.ical4j.model.property.DtEnd<>(dueOn.plusDays(1)));
		event.add(new Uid(uid(agreementId, year)));
		event.add(new Sequence(sequence));
		event.add(new Summary(summary));
		event.add(new Description(description));
		event.add(new Transp("TRANSPARENT"));
		event.add(new Organizer(URI.create("mailto:" + organizer)));
		event.add(new Attendee(URI.create("mailto:" + attendee)));
		if (cancel) {
			event.add(new Status("CANCELLED"));
		}
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Cooperation Hub//Review reminders//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
		calendar.add(event);
		return calendar.toString();
	}

}
