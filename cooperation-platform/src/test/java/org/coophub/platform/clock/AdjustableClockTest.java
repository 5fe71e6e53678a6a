package org.coophub.platform.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdjustableClockTest {

	static final Instant REAL = Instant.parse("2026-12-04T03:00:00Z");

	private final AdjustableClock clock = new AdjustableClock(Clock.fixed(REAL, ZoneOffset.UTC));

	@Test
	void showsTheTimeItMovesUntilMoved() {
		assertThat(this.clock.instant()).isEqualTo(REAL);
		assertThat(this.clock.offset()).isZero();
	}

	@Test
	void movesForwardByAnAmountOrToAnOffsetOrAMoment() {
		this.clock.advance(Duration.ofDays(30));
		assertThat(this.clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(30)));
		this.clock.setOffset(Duration.ofDays(31));
		assertThat(this.clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(31)));
		this.clock.moveTo(Instant.parse("2027-10-07T01:00:00Z"));
		assertThat(this.clock.instant()).isEqualTo(Instant.parse("2027-10-07T01:00:00Z"));
		assertThat(this.clock.baseInstant()).isEqualTo(REAL);
	}

	@Test
	void neverGoesBack() {
		this.clock.advance(Duration.ofDays(2));
		assertThatThrownBy(() -> this.clock.advance(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.clock.setOffset(Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.clock.moveTo(REAL.plus(Duration.ofDays(1))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(2)));
	}

	@Test
	void aClockInAnotherZoneMovesWithIt() {
		Clock vietnam = this.clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
		this.clock.advance(Duration.ofDays(1));
		assertThat(vietnam.instant()).isEqualTo(REAL.plus(Duration.ofDays(1)));
		assertThat(vietnam.getZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
	}

	@Test
	void movesFromManyThreadsAddUp() throws InterruptedException {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		for (int i = 0; i < 1000; i++) {
			threads.execute(() -> this.clock.advance(Duration.ofSeconds(1)));
		}
		threads.shutdown();
		assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.clock.offset()).isEqualTo(Duration.ofSeconds(1000));
	}

}
