package org.coophub.localstack.mongo;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The documents holding some values of a {@link SecondaryIndex}'s field, read in the
 * index's own sets instead of copies of them: every value ({@code $all}), by walking the
 * rarest value's set and testing each of its documents in the others' sets, or any value
 * (an equality, {@code $in}), by walking each set and leaving out a document an earlier
 * set held. A query that stops early (a page, a count with a bound) then reads about as
 * many entries as it uses, not as many as hold the values: copying the sets of
 * {@code hoat} and {@code dong} read 100,000 entries each for a page of 20. Every read
 * holds the index's lock; the sets are those of the moment the postings were taken, which
 * stay the index's while the collection's lock is held (see {@link Candidates}).
 *
 * @param <P> the backend's position of a document
 */
final class Postings<P> implements Candidates<P> {

	private final Object lock;

	private final List<PositionSet<P>> sets;

	private final boolean all;

	private final LongAdder entriesRead;

	/**
	 * @param lock the index's lock
	 * @param sets the values' sets: for every value, the rarest first; for any, the
	 * values' that have documents
	 * @param all whether a candidate holds every value (else any)
	 * @param entriesRead where the index counts the entries it reads
	 */
	Postings(Object lock, List<PositionSet<P>> sets, boolean all, LongAdder entriesRead) {
		this.lock = lock;
		this.sets = sets;
		this.all = all;
		this.entriesRead = entriesRead;
	}

	@Override
	public int size() {
		synchronized (this.lock) {
			if (this.sets.isEmpty()) {
				return 0;
			}
			if (this.all) {
				return this.sets.get(0).size();
			}
			int total = 0;
			for (PositionSet<P> set : this.sets) {
				total += set.size();
			}
			return total;
		}
	}

	@Override
	public boolean contains(P position) {
		synchronized (this.lock) {
			this.entriesRead.increment();
			return this.all ? inAll(position, 0) : inAny(position, this.sets.size());
		}
	}

	@Override
	public boolean visit(Predicate<? super P> visitor) {
		synchronized (this.lock) {
			if (this.all) {
				return this.sets.isEmpty() || visitAll(visitor);
			}
			for (int i = 0; i < this.sets.size(); i++) {
				for (P position : this.sets.get(i)) {
					this.entriesRead.increment();
					if (!inAny(position, i) && !visitor.test(position)) {
						return false;
					}
				}
			}
			return true;
		}
	}

	private boolean visitAll(Predicate<? super P> visitor) {
		for (P position : this.sets.get(0)) {
			this.entriesRead.increment();
			if (inAll(position, 1) && !visitor.test(position)) {
				return false;
			}
		}
		return true;
	}

	/** Whether every set from the given one on holds the position. */
	private boolean inAll(P position, int from) {
		if (this.sets.isEmpty()) {
			return false;
		}
		for (int i = from; i < this.sets.size(); i++) {
			if (!this.sets.get(i).contains(position)) {
				return false;
			}
		}
		return true;
	}

	/** Whether one of the sets before the given one holds the position. */
	private boolean inAny(P position, int before) {
		for (int i = 0; i < before; i++) {
			if (this.sets.get(i).contains(position)) {
				return true;
			}
		}
		return false;
	}

}
