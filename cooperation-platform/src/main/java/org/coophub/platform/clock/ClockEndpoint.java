package org.coophub.platform.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.stream.Stream;

import org.coophub.platform.problem.ForbiddenException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * {@code /actuator/clock}: reads the service's {@link AdjustableClock} (any signed-in
 * role) and moves it forward (ADMIN only), with exactly one of
 * {@code {"advanceBy":"P30D"}}, {@code {"offset":"PT720H"}} or
 * {@code {"to":"2027-10-07T01:00:00Z"}}. Exists only with
 * {@code coophub.clock.adjustable=true}: tests and demos.
 */
@WebEndpoint(id = "clock")
public class ClockEndpoint {

	private static final Logger log = LoggerFactory.getLogger(ClockEndpoint.class);

	private final AdjustableClock clock;

	public ClockEndpoint(AdjustableClock clock) {
		this.clock = clock;
	}

	@ReadOperation
	public ClockReading read() {
		return ClockReading.of(this.clock);
	}

	@WriteOperation
	public ClockReading move(SecurityContext security, @Nullable String advanceBy, @Nullable String offset,
			@Nullable String to) {
		if (!security.isUserInRole(Role.ADMIN.name())) {
			throw new ForbiddenException("Only an ADMIN may move the clock");
		}
		long given = Stream.of(advanceBy, offset, to).filter((value) -> value != null).count();
		if (given != 1) {
			throw new RuleViolationException("advanceBy", "Give exactly one of advanceBy, offset or to");
		}
		if (advanceBy != null) {
			apply("advanceBy", advanceBy, ClockEndpoint::duration, this.clock::advance);
		}
		else if (offset != null) {
			apply("offset", offset, ClockEndpoint::duration, this.clock::setOffset);
		}
		else {
			apply("to", to, Instant::parse, this.clock::moveTo);
		}
		ClockReading reading = ClockReading.of(this.clock);
		// every date the service computes from here on moves with it: say so in its log
		log.info("Clock moved forward: now {} (offset {})", reading.now(), reading.offset());
		return reading;
	}

	private static <T> void apply(String field, String text, Function<String, T> parse, Function<T, Duration> move) {
		T value;
		try {
			value = parse.apply(text);
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolationException(field,
					"Not an ISO-8601 "
							+ (field.equals("to") ? "instant, e.g. 2027-10-07T01:00:00Z" : "duration, e.g. P30D") + ": "
							+ text);
		}
		try {
			move.apply(value);
		}
		catch (IllegalArgumentException ex) {
			throw new RuleViolationException(field, ex.getMessage());
		}
	}

	private static Duration duration(String text) {
		return Duration.parse(text);
	}

	/**
	 * What the clock says.
	 *
	 * @param now the service's time
	 * @param offset how far it is ahead of the machine's time
	 * @param realNow the machine's time
	 */
	public record ClockReading(Instant now, Duration offset, Instant realNow) {

		static ClockReading of(AdjustableClock clock) {
			Duration offset = clock.offset();
			Instant real = clock.baseInstant();
			return new ClockReading(real.plus(offset), offset, real);
		}

	}

}
