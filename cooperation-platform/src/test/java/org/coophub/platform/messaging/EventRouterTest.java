package org.coophub.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.coophub.events.notification.ReviewScheduled;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRouterTest {

	private final List<ReviewScheduled> handled = new ArrayList<>();

	private final Consumer<Message<byte[]>> consumer = new EventRouter(JsonMapper.builder().build())
		.route((routes) -> routes.on(ReviewScheduled.class, this.handled::add));

	@Test
	void aHandledTypeIsReadIntoItsRecord() {
		this.consumer.accept(message("org.coophub.review.scheduled.v1", """
				{"eventId":"e-1","occurredAt":"2026-03-01T03:00:00Z","agreementId":"agr-1","version":1,
				 "year":2026,"dueOn":"2026-11-06","hostOrganizationId":"org-ld","status":"UPCOMING","addedLater":true}
				"""));

		assertThat(this.handled).singleElement().satisfies((event) -> {
			assertThat(event.dueOn()).hasToString("2026-11-06");
			assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-01T03:00:00Z"));
		});
	}

	@Test
	void aKnownTypeThisServiceDoesNotHandleIsSkipped() {
		this.consumer.accept(message("org.coophub.organization.registered.v1", "not even read"));

		assertThat(this.handled).isEmpty();
	}

	@Test
	void anUnknownTypeIsAPoisonMessage() {
		assertThatThrownBy(() -> this.consumer.accept(message("org.coophub.activity.exploded.v1", "{}")))
			.isInstanceOf(UnreadableEventException.class)
			.hasMessageContaining("org.coophub.activity.exploded.v1");
	}

	@Test
	void malformedJsonIsAPoisonMessage() {
		assertThatThrownBy(() -> this.consumer.accept(message("org.coophub.review.scheduled.v1", "{\"eventId\": ")))
			.isInstanceOf(UnreadableEventException.class);
	}

	@Test
	void aRecordWithoutTypeIsAPoisonMessage() {
		Message<byte[]> untyped = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8)).build();
		assertThatThrownBy(() -> this.consumer.accept(untyped)).isInstanceOf(UnreadableEventException.class);
	}

	@Test
	void aHandlerWaitsOutAStoreOutageInsteadOfFailingTheRecord() {
		AtomicInteger calls = new AtomicInteger();
		Consumer<Message<byte[]>> patient = new EventRouter(JsonMapper.builder().build())
			.route((routes) -> routes.on(ReviewScheduled.class, (event) -> {
				if (calls.incrementAndGet() < 3) {
					throw new DataAccessResourceFailureException("MongoDB is away");
				}
			}));

		patient.accept(message("org.coophub.review.scheduled.v1", SCHEDULED));

		assertThat(calls).hasValue(3);
	}

	@Test
	void aHandlerFailureThatIsNotAnOutageIsNotRetriedHere() {
		AtomicInteger calls = new AtomicInteger();
		Consumer<Message<byte[]>> failing = new EventRouter(JsonMapper.builder().build())
			.route((routes) -> routes.on(ReviewScheduled.class, (event) -> {
				calls.incrementAndGet();
				throw new IllegalStateException("agreement not known");
			}));

		assertThatThrownBy(() -> failing.accept(message("org.coophub.review.scheduled.v1", SCHEDULED)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("agreement not known");
		assertThat(calls).hasValue(1);
	}

	private static final String SCHEDULED = """
			{"eventId":"e-1","occurredAt":"2026-03-01T03:00:00Z","agreementId":"agr-1","version":1,
			 "year":2026,"dueOn":"2026-11-06","hostOrganizationId":"org-ld","status":"UPCOMING"}
			""";

	private static Message<byte[]> message(String type, String json) {
		return MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8)).setHeader("ce_type", type).build();
	}

}
