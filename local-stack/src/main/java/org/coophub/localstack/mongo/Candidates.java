package org.coophub.localstack.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The documents a secondary index leads a filter to, read where the index keeps them: a
 * query that needs only some of them (a sorted page, a count with a bound) reads only
 * those, however many hold a common search word. Valid while the collection's lock is
 * held, as it is for every query and every write: the index cannot change meanwhile.
 *
 * @param <P> the backend's position of a document
 */
interface Candidates<P> {

	/**
	 * At most how many documents there are: exact for one value, the sum of the values'
	 * documents for {@code $in}, the rarest value's for {@code $all}.
	 * @return the bound
	 */
	int size();

	/**
	 * @param position a document's position
	 * @return whether it is a candidate
	 */
	boolean contains(P position);

	/**
	 * Visits each candidate once, in no particular order, until the visitor wants no
	 * more.
	 * @param visitor takes a position, answers whether to go on
	 * @return true if every candidate was visited
	 */
	boolean visit(Predicate<? super P> visitor);

	/**
	 * Every candidate: for a query that uses all of them.
	 * @return their positions
	 */
	default List<P> toList() {
		List<P> positions = new ArrayList<>(size());
		visit(positions::add);
		return positions;
	}

	/**
	 * @param positions positions found already (a range, a compound index's pairs)
	 * @return them as candidates
	 */
	static <P> Candidates<P> of(Set<P> positions) {
		return new Candidates<>() {

			@Override
			public int size() {
				return positions.size();
			}

			@Override
			public boolean contains(P position) {
				return positions.contains(position);
			}

			@Override
			public boolean visit(Predicate<? super P> visitor) {
				for (P position : positions) {
					if (!visitor.test(position)) {
						return false;
					}
				}
				return true;
			}

		};
	}

}
