package org.coophub.events;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypesTest {

	@Test
	void everyTypeIsNamedByTheConventionAndTravelsOnAKnownTopic() {
		Set<String> names = new HashSet<>();
		for (Class<? extends DomainEvent> type : EventTypes.ALL) {
			String name = EventTypes.typeOf(type);
			assertThat(name).matches("org\\.coophub\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");
			assertThat(names.add(name)).as("unique type name %s", name).isTrue();
			assertThat(Topics.ALL).contains(EventTypes.topicOf(type));
			assertThat(type.isRecord()).isTrue();
			assertThat(EventTypes.classOf(name)).contains(type);
		}
	}

	@Test
	void anUnknownTypeIsNotFound() {
		assertThat(EventTypes.classOf("org.coophub.activity.exploded.v1")).isEmpty();
	}

}
