package org.coophub.localstack.mongo;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The positions of the documents behind one value of a {@link SecondaryIndex}: a hash set
 * held in one array (open addressing, linear probing, removal by shifting back), with no
 * object per member. A search token's entries are most of the embedded server's heap
 * (every document holds about a hundred words and their prefixes), and a node object per
 * entry, as in {@code java.util.HashSet}, made the garbage collector mark tens of
 * millions of them. Iteration order is the table's: callers that need an order sort. The
 * index never hands out copies: lookups read a set in place, under the index's lock (see
 * {@link Postings}).
 *
 * @param <P> the backend's position of a document
 */
final class PositionSet<P> extends AbstractSet<P> {

	private static final int FIRST_CAPACITY = 4;

	private Object[] table;

	private int size;

	private int modifications;

	PositionSet() {
		this.table = new Object[FIRST_CAPACITY];
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public boolean contains(Object position) {
		return position != null && this.table[slotOf(this.table, position)] != null;
	}

	@Override
	public boolean add(P position) {
		if (position == null) {
			throw new NullPointerException("a position");
		}
		int slot = slotOf(this.table, position);
		if (this.table[slot] != null) {
			return false;
		}
		this.table[slot] = position;
		this.size++;
		this.modifications++;
		// at most half full: probe runs stay short
		if (this.size * 2 > this.table.length) {
			grow();
		}
		return true;
	}

	@Override
	public boolean remove(Object position) {
		if (position == null) {
			return false;
		}
		int slot = slotOf(this.table, position);
		if (this.table[slot] == null) {
			return false;
		}
		this.table[slot] = null;
		this.size--;
		this.modifications++;
		closeGap(slot);
		return true;
	}

	@Override
	public Iterator<P> iterator() {
		return new Iterator<>() {

			private final int expected = PositionSet.this.modifications;

			private int next = advance(0);

			@Override
			public boolean hasNext() {
				return this.next < PositionSet.this.table.length;
			}

			@Override
			@SuppressWarnings("unchecked")
			public P next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				if (this.expected != PositionSet.this.modifications) {
					throw new ConcurrentModificationException();
				}
				P position = (P) PositionSet.this.table[this.next];
				this.next = advance(this.next + 1);
				return position;
			}

			private int advance(int from) {
				int slot = from;
				while (slot < PositionSet.this.table.length && PositionSet.this.table[slot] == null) {
					slot++;
				}
				return slot;
			}

		};
	}

	/** The slot holding the position, or the empty slot where it would go. */
	private static int slotOf(Object[] table, Object position) {
		int mask = table.length - 1;
		int slot = spread(position.hashCode()) & mask;
		while (table[slot] != null && !table[slot].equals(position)) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	/**
	 * Moves back the members after an emptied slot that probing would no longer reach
	 * (linear probing's deletion without markers).
	 */
	private void closeGap(int emptied) {
		int mask = this.table.length - 1;
		int gap = emptied;
		int slot = (gap + 1) & mask;
		while (this.table[slot] != null) {
			int home = spread(this.table[slot].hashCode()) & mask;
			// the member may move into the gap unless its home lies cyclically in (gap,
			// slot]
			boolean reachable = (gap <= slot) ? (gap < home && home <= slot) : (gap < home || home <= slot);
			if (!reachable) {
				this.table[gap] = this.table[slot];
				this.table[slot] = null;
				gap = slot;
			}
			slot = (slot + 1) & mask;
		}
	}

	private void grow() {
		Object[] old = this.table;
		Object[] larger = new Object[old.length * 2];
		for (Object position : old) {
			if (position != null) {
				larger[slotOf(larger, position)] = position;
			}
		}
		this.table = larger;
	}

	/** Positions are often consecutive integers: spread them over the table's bits. */
	private static int spread(int hash) {
		int h = hash * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

	@Override
	public String toString() {
		return Arrays.toString(toArray());
	}

}
