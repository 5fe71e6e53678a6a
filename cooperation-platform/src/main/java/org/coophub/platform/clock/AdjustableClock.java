package org.coophub.platform.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The machine's UTC time plus an offset that only grows: the services' {@link Clock} when
 * {@code coophub.clock.adjustable=true}, for tests and demos that need a review to fall
 * due without waiting weeks. Never in production: every date the service computes moves
 * with it. Thread-safe; the clocks {@link #withZone} gives share the offset.
 */
public final class AdjustableClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset;

	private final ZoneId zone;

	/** The machine's UTC time, not moved yet. */
	public AdjustableClock() {
		this(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
	}

	/**
	 * @param base the time moved, e.g. {@link Clock#systemUTC()}
	 */
	public AdjustableClock(Clock base) {
		this(base, new AtomicReference<>(Duration.ZERO), base.getZone());
	}

	private AdjustableClock(Clock base, AtomicReference<Duration> offset, ZoneId zone) {
		this.base = base;
		this.offset = offset;
		this.zone = zone;
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset.get());
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new AdjustableClock(this.base, this.offset, zone);
	}

	/** How far this clock is ahead of the time it moves. */
	public Duration offset() {
		return this.offset.get();
	}

	/** The time this clock moves, unmoved. */
	public Instant baseInstant() {
		return this.base.instant();
	}

	/**
	 * Moves the clock forward.
	 * @param amount how far, zero or more
	 * @return the new offset
	 * @throws IllegalArgumentException if the amount is negative: time here never goes
	 * back, since what was planned at a later moment would then run twice
	 */
	public Duration advance(Duration amount) {
		requireNotNegative(amount);
		return this.offset.accumulateAndGet(amount, Duration::plus);
	}

	/**
	 * Sets how far the clock is ahead.
	 * @param newOffset zero or more, and not less than the current offset
	 * @return the new offset
	 * @throws IllegalArgumentException if that would move the clock back
	 */
	public Duration setOffset(Duration newOffset) {
		requireNotNegative(newOffset);
		return this.offset.updateAndGet((current) -> {
			if (newOffset.compareTo(current) < 0) {
				throw new IllegalArgumentException(
						"The clock never goes back: offset " + newOffset + " is less than the current " + current);
			}
			return newOffset;
		});
	}

	/**
	 * Moves the clock forward to a moment.
	 * @param moment now or later on this clock
	 * @return the new offset
	 * @throws IllegalArgumentException if the moment has passed on this clock
	 */
	public Duration moveTo(Instant moment) {
		Instant now = this.base.instant();
		return this.offset.updateAndGet((current) -> {
			Duration wanted = Duration.between(now, moment);
			if (wanted.compareTo(current) < 0) {
				throw new IllegalArgumentException(
						"The clock never goes back: " + moment + " is before its time " + now.plus(current));
			}
			return wanted;
		});
	}

	private static void requireNotNegative(Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("The clock never goes back: " + amount + " is negative");
		}
	}

}
