package org.coophub.platform.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkLaneTest {

	private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

	private final List<List<Integer>> handedBack = new CopyOnWriteArrayList<>();

	private final CountDownLatch working = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	/** Holds the first batch until released, so that more can pile up behind it. */
	private void holdFirst(List<Integer> batch) {
		this.batches.add(List.copyOf(batch));
		this.working.countDown();
		try {
			if (!this.release.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void whatPilesUpWhileABatchIsWorkedOnGoesOutTogetherInBatchesOfAtMostTheSize() throws Exception {
		try (WorkLane<Integer> lane = new WorkLane<>("test-lane", 3, this::holdFirst,
				(batch, failure, waiting) -> this.handedBack.add(batch))) {
			lane.offer(List.of(0));
			assertThat(this.working.await(10, TimeUnit.SECONDS)).isTrue();
			IntStream.rangeClosed(1, 7).forEach((i) -> lane.offer(List.of(i)));
			lane.offer(List.of(3));
			this.release.countDown();

			await().until(() -> this.batches.stream().mapToInt(List::size).sum() == 8);
			assertThat(this.batches.get(0)).containsExactly(0);
			assertThat(this.batches.subList(1, this.batches.size())).hasSize(3)
				.allSatisfy((b) -> assertThat(b).hasSizeBetween(1, 3));
			assertThat(this.batches.stream().flatMap(List::stream)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
			assertThat(this.handedBack).isEmpty();
		}
	}

	@Test
	void aFailureHandsBackTheBatchAndAllThatWaitedAndTheLaneGoesOn() throws Exception {
		List<Object> failures = new CopyOnWriteArrayList<>();
		List<Integer> waitingWhenFailed = new CopyOnWriteArrayList<>();
		try (WorkLane<Integer> lane = new WorkLane<>("test-lane", 2, (batch) -> {
			holdFirst(batch);
			if (batch.contains(0)) {
				throw new IllegalStateException("broker away");
			}
		}, (batch, failure, waiting) -> {
			this.handedBack.add(batch);
			failures.add(failure.getMessage());
			waitingWhenFailed.addAll(waiting);
		})) {
			lane.offer(List.of(0));
			assertThat(this.working.await(10, TimeUnit.SECONDS)).isTrue();
			lane.offer(List.of(1, 2, 3));
			this.release.countDown();

			await().until(() -> !this.handedBack.isEmpty());
			assertThat(this.handedBack).containsExactly(List.of(0));
			assertThat(failures).containsExactly("broker away");
			assertThat(waitingWhenFailed).containsExactlyInAnyOrder(1, 2, 3);

			lane.offer(List.of(4));
			await().until(() -> this.batches.stream().anyMatch((b) -> b.contains(4)));
			assertThat(new ArrayList<>(this.batches)).noneMatch((b) -> b.contains(1));
		}
	}

}
