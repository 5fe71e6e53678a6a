package org.coophub.localstack.mongo;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index's position set behaves as a {@code HashSet} through any mix of additions and
 * removals, including the removals that must move later members of a probe run back.
 */
class PositionSetTest {

	@Test
	void holdsWhatAHashSetHoldsThroughRandomAdditionsAndRemovals() {
		Random random = new Random(17);
		PositionSet<Integer> positions = new PositionSet<>();
		Set<Integer> expected = new HashSet<>();
		for (int step = 0; step < 200_000; step++) {
			// a small range, so that most operations meet members and probe runs collide
			Integer position = random.nextInt(5_000);
			if (random.nextInt(3) == 0) {
				assertThat(positions.remove(position)).isEqualTo(expected.remove(position));
			}
			else {
				assertThat(positions.add(position)).isEqualTo(expected.add(position));
			}
		}
		assertThat(positions).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
		for (int position = 0; position < 5_000; position++) {
			assertThat(positions.contains(position)).as("position %d", position).isEqualTo(expected.contains(position));
		}
	}

	@Test
	void emptiedItHoldsNothing() {
		PositionSet<Integer> positions = new PositionSet<>();
		for (int position = 0; position < 1_000; position++) {
			positions.add(position);
		}
		for (int position = 0; position < 1_000; position++) {
			assertThat(positions.remove(position)).isTrue();
		}

		assertThat(positions).isEmpty();
		assertThat(positions.iterator().hasNext()).isFalse();
		assertThat(positions.contains(3)).isFalse();
	}

}
