package org.coophub.platform.zone;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The time zone the program's business dates are local dates in wherever an agreement or
 * an activity names none: {@code coophub.program.zone} (Asia/Ho_Chi_Minh by default, the
 * zone of both authorities). Services inject this bean; a service configured with another
 * zone applies it to every default it makes.
 *
 * @param id the zone
 */
public record ProgramZone(ZoneId id) {

	/**
	 * The zone of {@code coophub.program.zone} in the platform's defaults (a test keeps
	 * the two equal), for the one place that cannot take the bean: a stored review
	 * schedule whose agreement named no zone and that was written before the schedule
	 * kept the default it was made with. Everything else injects the bean.
	 */
	public static final ProgramZone DEFAULT = new ProgramZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	public ProgramZone {
		Objects.requireNonNull(id, "id");
	}

	/**
	 * The zone a record names, or this one when it names none or one the JDK does not
	 * know (an old event may carry a zone name that no longer exists).
	 * @param zone a zone name, or null
	 * @return the zone to use
	 */
	public ZoneId or(String zone) {
		if (zone != null && !zone.isBlank()) {
			try {
				return ZoneId.of(zone);
			}
			catch (DateTimeException ex) {
				// an unknown name: the program's zone decides
			}
		}
		return this.id;
	}

	/**
	 * Today's date in this zone.
	 * @param clock the service's clock
	 * @return the date
	 */
	public LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(this.id));
	}

}
