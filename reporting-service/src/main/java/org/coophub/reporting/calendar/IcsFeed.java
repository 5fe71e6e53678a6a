package org.coophub.reporting.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.coophub.events.common.LocalizedText;

/**
 * Writes a calendar feed as iCalendar (RFC 5545) with ical4j, which gives what Outlook,
 * Google Calendar and Thunderbird expect: CRLF line ends, lines folded at 75 octets,
 * escaped text. {@code METHOD:PUBLISH} (a subscription, not an invitation), the feed's
 * name in {@code X-WR-CALNAME}; an activity at its instants in UTC (no VTIMEZONE needed),
 * a review as an all-day event. Each event keeps its UID across versions and its
 * {@code SEQUENCE} is the entry's version, so an app updates it in place.
 */
final class IcsFeed {

	static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

	private IcsFeed() {
	}

	static String uid(CalendarEntry entry) {
		if (entry.kind() == CalendarEntry.Kind.REVIEW) {
			// as notification-service's review invitations name the same cycle
			return "review-" + entry.agreementId() + "-" + entry.date().getYear() + "@coophub";
		}
		return entry.id() + "@coophub";
	}

	/**
	 * Writes the feed.
	 * @param name the calendar's name
	 * @param entries its entries
	 * @param stamp when it is written
	 * @return the iCalendar text
	 */
	static String write(String name, List<CalendarEntry> entries, Instant stamp) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Cooperation Hub//Calendar feed//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", name));
		for (CalendarEntry entry : entries) {
			calendar.add(event(entry, stamp));
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static VEvent event(CalendarEntry entry, Instant stamp) {
		VEvent event = new VEvent(false);
		event.add(new Uid(uid(entry)));
		event.add(new DtStamp(stamp));
		if (entry.allDay()) {
			event.add(new DtStart<>(entry.date()));
			event.add(new DtEnd<>(entry.date().plusDays(1)));
			event.add(new Transp("TRANSPARENT"));
		}
		else {
			event.add(new DtStart<>(entry.start().toInstant()));
			if (entry.end() != null && entry.end().isAfter(entry.start())) {
				event.add(new DtEnd<>(entry.end().toInstant()));
			}
		}
		event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, Math.max(0, entry.version()))));
		event.add(new Summary(summary(entry.title())));
		if (entry.location() != null) {
			event.add(new Location(entry.location()));
		}
		String host = bilingual(entry.hostName());
		if (host != null) {
			event.add(new Description("Đơn vị chủ trì / Host: " + host
					+ ((entry.agreementCode() != null) ? "\nThỏa thuận / Agreement: " + entry.agreementCode() : "")));
		}
		if (cancelled(entry)) {
			event.add(new Status("CANCELLED"));
		}
		return event;
	}

	static boolean cancelled(CalendarEntry entry) {
		return "CANCELLED".equals(entry.status()) || "SKIPPED".equals(entry.status());
	}

	/** Vietnamese, then English after " / " when there is a different one. */
	static String summary(LocalizedText title) {
		String text = bilingual(title);
		return (text != null) ? text : "";
	}

	private static String bilingual(LocalizedText text) {
		if (text == null) {
			return null;
		}
		String vi = text.vi();
		String en = text.en();
		if (vi == null || vi.isBlank()) {
			return en;
		}
		return (en == null || en.isBlank() || en.equals(vi)) ? vi : vi + " / " + en;
	}

}
