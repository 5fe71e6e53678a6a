package org.coophub.agreement.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.platform.outbox.OutboxWriter;
import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The expiry job, with time from a fixed Clock: what has ended in its own time zone
 * expires; a race lost to another instance is skipped, not retried or failed.
 */
class AgreementExpiryTest {

	final MongoTemplate mongo = mock(MongoTemplate.class);

	final OutboxWriter outbox = mock(OutboxWriter.class);

	AgreementExpiry at(String instant) {
		return new AgreementExpiry(this.mongo, this.outbox, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
	}

	@Test
	void onlyAgreementsWhoseLastDayIsOverInTheirTimeZoneExpire() {
		Agreement ended = AgreementLifecycleTest.in(AgreementStatus.ACTIVE);
		Agreement suspended = AgreementLifecycleTest.in(AgreementStatus.SUSPENDED);
		given(this.mongo.find(any(Query.class), eq(Agreement.class))).willReturn(List.of(ended, suspended));

		// 1 January 2030, 00:30 in Ho Chi Minh City: 31 December 2029, the last day, is
		// over.
		int expired = at("2029-12-31T17:30:00Z").expireEnded();

		assertThat(expired).isEqualTo(2);
		assertThat(ended.state().status()).isEqualTo(AgreementStatus.EXPIRED);
		then(this.outbox).should().save(same(ended), any(AgreementStatusChanged.class));
		then(this.outbox).should().save(same(suspended), any(AgreementStatusChanged.class));
	}

	@Test
	void onTheLastDayItselfNothingExpires() {
		Agreement running = AgreementLifecycleTest.in(AgreementStatus.ACTIVE);
		given(this.mongo.find(any(Query.class), eq(Agreement.class))).willReturn(List.of(running));

		// 31 December 2029, 23:59 in Ho Chi Minh City, though already 1 January nowhere
		// near UTC+7.
		assertThat(at("2029-12-31T16:59:00Z").expireEnded()).isZero();

		assertThat(running.state().status()).isEqualTo(AgreementStatus.ACTIVE);
		then(this.outbox).should(never()).save(any(Agreement.class), any(AgreementStatusChanged.class));
	}

	@Test
	void anAgreementAnotherInstanceExpiredFirstIsSkipped() {
		Agreement lost = AgreementLifecycleTest.in(AgreementStatus.ACTIVE);
		Agreement won = AgreementLifecycleTest.in(AgreementStatus.ACTIVE);
		given(this.mongo.find(any(Query.class), eq(Agreement.class))).willReturn(List.of(lost, won));
		given(this.outbox.save(same(lost), any(AgreementStatusChanged.class)))
			.willThrow(new OptimisticLockingFailureException("lock moved"));

		assertThat(at("2030-06-01T00:00:00Z").expireEnded()).isEqualTo(1);
		then(this.outbox).should().save(same(won), any(AgreementStatusChanged.class));
	}

	@Test
	void theEndIsReadInTheAgreementsOwnTimeZone() {
		Agreement agreement = AgreementLifecycleTest.in(AgreementStatus.ACTIVE);
		assertThat(agreement.today(Instant.parse("2029-12-31T17:00:00Z"))).isEqualTo(LocalDate.of(2030, 1, 1));
	}

}
