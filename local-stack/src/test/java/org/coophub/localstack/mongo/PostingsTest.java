package org.coophub.localstack.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Postings read the index's own sets: every value by walking the rarest, any value
 * without repeating a document, and no more entries than the visitor asks for.
 */
class PostingsTest {

	private final LongAdder entriesRead = new LongAdder();

	@Test
	void everyValueWalksTheRarestSetAndTestsTheOthers() {
		PositionSet<Integer> common = range(0, 1_000);
		PositionSet<Integer> rare = range(990, 1_010);
		Postings<Integer> all = new Postings<>(this, List.of(rare, common), true, this.entriesRead);

		assertThat(all.size()).isEqualTo(20);
		assertThat(all.toList()).containsExactlyInAnyOrder(990, 991, 992, 993, 994, 995, 996, 997, 998, 999);
		assertThat(this.entriesRead.sum()).isEqualTo(20);
		assertThat(all.contains(995)).isTrue();
		assertThat(all.contains(1_005)).isFalse();
		assertThat(all.contains(5)).isFalse();
	}

	@Test
	void anyValueVisitsEachDocumentOnce() {
		Postings<Integer> any = new Postings<>(this, List.of(range(0, 10), range(5, 15)), false, this.entriesRead);

		assertThat(any.size()).isEqualTo(20);
		assertThat(any.toList()).hasSize(15).containsExactlyInAnyOrderElementsOf(range(0, 15));
		assertThat(any.contains(12)).isTrue();
		assertThat(any.contains(15)).isFalse();
	}

	@Test
	void aVisitThatHasEnoughStopsReading() {
		Postings<Integer> all = new Postings<>(this, List.of(range(0, 100_000), range(0, 100_000)), true,
				this.entriesRead);
		List<Integer> first = new ArrayList<>();

		boolean complete = all.visit((position) -> first.add(position) && first.size() < 21);

		assertThat(complete).isFalse();
		assertThat(first).hasSize(21);
		assertThat(this.entriesRead.sum()).isEqualTo(21);
	}

	@Test
	void noSetsHoldNothing() {
		Postings<Integer> none = new Postings<>(this, List.of(), true, this.entriesRead);

		assertThat(none.size()).isZero();
		assertThat(none.toList()).isEmpty();
		assertThat(none.contains(1)).isFalse();
	}

	private static PositionSet<Integer> range(int from, int to) {
		PositionSet<Integer> positions = new PositionSet<>();
		for (int position = from; position < to; position++) {
			positions.add(position);
		}
		return positions;
	}

}
