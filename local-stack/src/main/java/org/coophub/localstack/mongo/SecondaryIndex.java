package org.coophub.localstack.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A secondary index that mongo-java-server would otherwise ignore: an in-memory sorted
 * map from the values of the index's <em>leading</em> field to the positions of the
 * documents holding them. An array value adds one entry per element (multikey), as
 * MongoDB does. The collection keeps it up to date on every insert, update, upsert,
 * findAndModify and delete, because it calls every index it holds; it is rebuilt from the
 * stored documents when the collection is opened, since it is added to a collection with
 * data the way any new index is.
 * <p>
 * Only values with a total order that agrees with the query matcher's equality (strings,
 * numbers, dates, booleans, object ids, UUIDs) are entries; a document whose value is of
 * another kind (missing, null, a sub-document) is known to the index but reachable by no
 * lookup, which is right because {@link SecondaryLookup} only looks up values of those
 * kinds, and no such value equals or orders against the others in the matcher.
 * <p>
 * Lookups read the sets where the index keeps them, never copies: an equality or
 * {@code $all} gives {@link Postings}, a sorted page walks the index in order and stops
 * once it has enough. So a query that needs a bounded number of documents reads a bounded
 * number of entries ({@link #entriesRead()}), however many documents hold a value. Every
 * method holds the index's lock; the postings and the walks' visitors are used while the
 * collection's lock is held too, as it is for every query and write, so no write changes
 * a set while it is read.
 *
 * @param <P> the backend's position of a document
 */
final class SecondaryIndex<P> extends Index<P> {

	private static final ValueComparator ORDER = ValueComparator.asc();

	private static final String ID = "_id";

	private final String field;

	/** The index's second key, null for an index of one field. */
	private final String secondField;

	private final NavigableMap<Object, PositionSet<P>> entries = new TreeMap<>(ORDER);

	/**
	 * For a compound index: per value of the leading field, the second field's values and
	 * their documents, so that an equality on the first and a range on the second (an
	 * agreement's activities in a period, the reminders of a status due by a time) look
	 * up only what both pin.
	 */
	private final NavigableMap<Object, NavigableMap<Object, PositionSet<P>>> pairs = new TreeMap<>(ORDER);

	/** What each indexed document added, to remove it again. */
	private final Map<P, Keys> keysByPosition = new HashMap<>();

	private final Map<Object, P> positionsById = new HashMap<>();

	/** What lookups read, for {@link #entriesRead()}. */
	private final LongAdder entriesRead = new LongAdder();

	/**
	 * Documents with an array in the leading field: then a range may use one bound only.
	 */
	private int multikeyDocuments;

	/** The same for the second field. */
	private int secondMultikeyDocuments;

	/**
	 * Documents without exactly one indexable value in the leading field (missing, null,
	 * a sub-document, an array): while there are any, the index cannot give the order of
	 * a sort by that field over the whole collection.
	 */
	private int unsortableDocuments;

	SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.field = keys.get(0).getKey();
		this.secondField = (keys.size() > 1) ? keys.get(1).getKey() : null;
	}

	/** The field whose values this index orders: the index's first key. */
	String field() {
		return this.field;
	}

	/** The index's second key, null if it has one key only. */
	String secondField() {
		return this.secondField;
	}

	/**
	 * Whether a value can be looked up: one of the kinds the index keeps entries for.
	 * @param value a value from a filter
	 * @return true if it is a string, number, date, boolean, object id or UUID
	 */
	static boolean isIndexable(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Instant
				|| value instanceof Boolean || value instanceof ObjectId || value instanceof UUID;
	}

	/**
	 * The documents whose field holds the values, read in the index's own sets (see
	 * {@link Postings}).
	 * @param values {@link #isIndexable indexable} values
	 * @param all whether a document must hold every value ({@code $all}), else any
	 * @return their positions
	 */
	synchronized Postings<P> holding(List<Object> values, boolean all) {
		List<PositionSet<P>> sets = new ArrayList<>(values.size());
		for (Object value : values) {
			PositionSet<P> positions = this.entries.get(normalized(value));
			if (positions != null) {
				sets.add(positions);
			}
			else if (all) {
				// no document holds this one: none holds them all
				return new Postings<>(this, List.of(), true, this.entriesRead);
			}
		}
		if (all) {
			// the rarest first: its documents are the ones walked
			sets.sort(Comparator.comparingInt(PositionSet::size));
		}
		return new Postings<>(this, sets, all, this.entriesRead);
	}

	/**
	 * How many documents hold the value, to choose the most selective lookup.
	 * @param value an {@link #isIndexable indexable} value
	 * @return the number of documents
	 */
	synchronized int countEqualTo(Object value) {
		PositionSet<P> positions = this.entries.get(normalized(value));
		return (positions != null) ? positions.size() : 0;
	}

	/**
	 * The documents with a value of the bounds' kind within the bounds.
	 * @param bounds the range
	 * @return their positions
	 */
	synchronized Set<P> between(Range bounds) {
		return within(this.entries, bounds, this.multikeyDocuments > 0);
	}

	/**
	 * For a compound index, the documents holding one of the leading values and, in the
	 * second field, a value within the bounds (an equality is a range of one value).
	 * @param leading {@link #isIndexable indexable} values of the leading field
	 * @param bounds the range of the second field
	 * @return their positions
	 */
	synchronized Set<P> secondBetween(List<Object> leading, Range bounds) {
		Set<P> positions = new PositionSet<>();
		for (Object value : leading) {
			NavigableMap<Object, PositionSet<P>> second = this.pairs.get(normalized(value));
			if (second != null) {
				positions.addAll(within(second, bounds, this.secondMultikeyDocuments > 0));
			}
		}
		return positions;
	}

	/**
	 * Walks the documents within the bounds on the leading field, one group per value, in
	 * the order of the values, until the visitor has enough: for a query sorted by this
	 * field that needs only its first documents, so the walk reads only the groups it
	 * uses. Not while a document holds an array in the field, whose place in a sort is
	 * not one of its entries.
	 * @param bounds the range
	 * @param descending whether to walk from the highest value down
	 * @param visitor takes a group (to read, not to keep), answers whether to go on
	 * @return false when the index cannot give the order
	 */
	synchronized boolean walkBetween(Range bounds, boolean descending, Predicate<? super Set<P>> visitor) {
		if (this.multikeyDocuments > 0) {
			return false;
		}
		walkGroups(this.entries, bounds, false, descending, (group) -> {
			this.entriesRead.add(group.size());
			return visitor.test(group);
		});
		return true;
	}

	private Set<P> within(NavigableMap<Object, PositionSet<P>> map, Range bounds, boolean multikey) {
		Set<P> positions = new PositionSet<>();
		// walked from the bound that is set, so that the walk stops at the first other
		// kind
		walkGroups(map, bounds, multikey, bounds.lower() == null, (group) -> {
			this.entriesRead.add(group.size());
			positions.addAll(group);
			return true;
		});
		return positions;
	}

	/**
	 * Visits the entries within the bounds, in order, while the visitor goes on. The
	 * matcher compares only values of one kind (numbers with numbers, strings with
	 * strings...), whose entries are next to each other in the map: the walk skips other
	 * kinds before it reaches the bound's and stops where the kind changes after it.
	 */
	private static <P> void walkGroups(NavigableMap<Object, PositionSet<P>> map, Range bounds, boolean multikey,
			boolean descending, Predicate<PositionSet<P>> visitor) {
		Object low = normalized(bounds.lower());
		Object high = normalized(bounds.upper());
		boolean equality = low != null && high != null && ORDER.compare(low, high) == 0 && bounds.lowerInclusive()
				&& bounds.upperInclusive();
		if (multikey && low != null && high != null && !equality) {
			// an array matches {$gt: a, $lt: b} when one element is above a and another
			// below b, so with arrays stored the two bounds may not be intersected
			high = null;
		}
		Object kind = (low != null) ? low : high;
		NavigableMap<Object, PositionSet<P>> range;
		if (low != null && high != null) {
			int order = ORDER.compare(low, high);
			if (order > 0 || (order == 0 && !(bounds.lowerInclusive() && bounds.upperInclusive()))) {
				return;
			}
			range = map.subMap(low, bounds.lowerInclusive(), high, bounds.upperInclusive());
		}
		else if (low != null) {
			range = map.tailMap(low, bounds.lowerInclusive());
		}
		else {
			range = map.headMap(high, bounds.upperInclusive());
		}
		boolean entered = false;
		for (Map.Entry<Object, PositionSet<P>> entry : (descending ? range.descendingMap() : range).entrySet()) {
			if (!sameKind(entry.getKey(), kind)) {
				if (entered) {
					return;
				}
				continue;
			}
			entered = true;
			if (!visitor.test(entry.getValue())) {
				return;
			}
		}
	}

	@Override
	public synchronized P getPosition(Document document) {
		return this.positionsById.get(document.get(ID));
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		// not unique: nothing can conflict
	}

	@Override
	public synchronized void add(Document document, P position, MongoCollection<P> collection) {
		add(keysOf(document), position);
	}

	private Keys keysOf(Document document) {
		Object leading = Utils.getSubdocumentValueCollectionAware(document, this.field);
		shareElements(leading);
		Object second = (this.secondField != null)
				? Utils.getSubdocumentValueCollectionAware(document, this.secondField) : null;
		return new Keys(document.get(ID), indexable(leading),
				(this.secondField != null) ? indexable(second) : List.of(), leading instanceof Collection,
				second instanceof Collection);
	}

	private void add(Keys keys, P position) {
		List<Object> values = keys.values();
		List<Object> secondValues = keys.secondValues();
		this.keysByPosition.put(position, keys);
		this.positionsById.put(keys.id(), position);
		for (Object value : values) {
			this.entries.computeIfAbsent(value, (key) -> new PositionSet<>()).add(position);
			for (Object secondValue : secondValues) {
				this.pairs.computeIfAbsent(value, (key) -> new TreeMap<>(ORDER))
					.computeIfAbsent(secondValue, (key) -> new PositionSet<>())
					.add(position);
			}
		}
		this.multikeyDocuments += keys.leadingArray() ? 1 : 0;
		this.secondMultikeyDocuments += keys.secondArray() ? 1 : 0;
		this.unsortableDocuments += unsortable(keys) ? 1 : 0;
	}

	private static boolean unsortable(Keys keys) {
		return keys.leadingArray() || keys.values().size() != 1;
	}

	/**
	 * Walks the candidates in the order of the leading field, one group per value (the
	 * candidates tied on it), until the visitor has enough: for a sort by that field that
	 * needs only its first matches among many candidates, walking the index in order and
	 * testing each document in the candidates finds them without sorting all, and reads
	 * only the entries before the page is full, however many candidates there are. Not
	 * unless every document holds exactly one indexable value there, so that the index's
	 * order is the sort's.
	 * @param candidates the documents that may match, from another index
	 * @param descending whether to walk from the highest value down
	 * @param visitor takes a group of candidates, answers whether to go on
	 * @return false when the index cannot give the order
	 */
	synchronized boolean walkAmong(Candidates<P> candidates, boolean descending, Predicate<? super List<P>> visitor) {
		if (this.unsortableDocuments > 0) {
			return false;
		}
		for (PositionSet<P> group : (descending ? this.entries.descendingMap() : this.entries).values()) {
			List<P> inGroup = null;
			for (P position : group) {
				this.entriesRead.increment();
				if (candidates.contains(position)) {
					if (inGroup == null) {
						inGroup = new ArrayList<>(1);
					}
					inGroup.add(position);
				}
			}
			if (inGroup != null && !visitor.test(inGroup)) {
				return true;
			}
		}
		return true;
	}

	/**
	 * How many entries this index has read for queries since it was created: each
	 * document's position that a lookup walked, copied or tested. A query that needs a
	 * bounded number of documents reads a bounded number of entries; tests assert it.
	 * @return the entries read
	 */
	long entriesRead() {
		return this.entriesRead.sum();
	}

	@Override
	public synchronized P remove(Document document) {
		P position = this.positionsById.get(document.get(ID));
		if (position != null) {
			removeEntries(position);
		}
		return position;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		// not unique: nothing can conflict
	}

	/**
	 * Most updates leave the indexed fields as they were (a status, an outbox entry): the
	 * index is then left as it is, instead of every key of the document (a search's
	 * dozens of words) taken out of it and put back.
	 */
	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
			MongoCollection<P> collection) {
		Keys keys = keysOf(newDocument);
		if (keys.equals(this.keysByPosition.get(position))) {
			return;
		}
		removeEntries(position);
		add(keys, position);
	}

	/** Never chosen by mongo-java-server itself: {@link SecondaryLookup} decides. */
	@Override
	public boolean canHandle(Document query) {
		return false;
	}

	@Override
	public synchronized Iterable<P> getPositions(Document query) {
		throw new UnsupportedOperationException("looked up through SecondaryLookup, never by the collection");
	}

	@Override
	public synchronized long getCount() {
		return this.positionsById.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public synchronized void drop() {
		this.entries.clear();
		this.pairs.clear();
		this.keysByPosition.clear();
		this.positionsById.clear();
		this.multikeyDocuments = 0;
		this.secondMultikeyDocuments = 0;
		this.unsortableDocuments = 0;
	}

	private void removeEntries(P position) {
		Keys keys = this.keysByPosition.remove(position);
		if (keys == null) {
			return;
		}
		this.positionsById.remove(keys.id());
		for (Object value : keys.values()) {
			removeFrom(this.entries, value, position);
			NavigableMap<Object, PositionSet<P>> second = this.pairs.get(value);
			if (second != null) {
				for (Object secondValue : keys.secondValues()) {
					removeFrom(second, secondValue, position);
				}
				if (second.isEmpty()) {
					this.pairs.remove(value);
				}
			}
		}
		this.multikeyDocuments -= keys.leadingArray() ? 1 : 0;
		this.secondMultikeyDocuments -= keys.secondArray() ? 1 : 0;
		this.unsortableDocuments -= unsortable(keys) ? 1 : 0;
	}

	private static <P> void removeFrom(NavigableMap<Object, PositionSet<P>> map, Object value, P position) {
		PositionSet<P> positions = map.get(value);
		if (positions != null) {
			positions.remove(position);
			if (positions.isEmpty()) {
				map.remove(value);
			}
		}
	}

	/**
	 * Makes the strings of an array value the instances the index already holds as keys:
	 * a word that thousands of documents contain (a search token) is then one string on
	 * the heap, not one per document. The strings are equal, so no answer changes.
	 */
	private void shareElements(Object leading) {
		if (!(leading instanceof ArrayList<?> array)) {
			return;
		}
		@SuppressWarnings("unchecked")
		List<Object> elements = (List<Object>) array;
		for (int i = 0; i < elements.size(); i++) {
			if (elements.get(i) instanceof String element) {
				Object held = this.entries.ceilingKey(element);
				if (held != null && held != element && ORDER.compare(held, element) == 0) {
					elements.set(i, held);
				}
			}
		}
	}

	/**
	 * The entry values of a field's value: itself, or its array's elements, if indexable.
	 */
	private static List<Object> indexable(Object value) {
		Collection<?> values = (value instanceof Collection<?> elements) ? elements : Collections.singletonList(value);
		List<Object> indexable = new ArrayList<>(values.size());
		Set<Object> seen = (values.size() > 8) ? new HashSet<>() : null;
		for (Object element : values) {
			if (isIndexable(element)) {
				Object normalized = normalized(element);
				if ((seen != null) ? seen.add(normalized) : !indexable.contains(normalized)) {
					indexable.add(normalized);
				}
			}
		}
		return indexable;
	}

	/**
	 * Numbers as the matcher compares them: 1, 1L and 1.0 are one entry (a long that a
	 * double cannot hold stays a long).
	 */
	private static Object normalized(Object value) {
		if (value instanceof Number number) {
			if (number instanceof Long exact && exact.longValue() != (long) exact.doubleValue()) {
				return exact;
			}
			double decimal = number.doubleValue();
			return (decimal == 0.0) ? 0.0 : decimal;
		}
		return value;
	}

	private static boolean sameKind(Object value, Object other) {
		if (value instanceof Number && other instanceof Number) {
			return true;
		}
		return value.getClass().equals(other.getClass());
	}

	/**
	 * The bounds of a range; a missing bound is null.
	 *
	 * @param lower the lower bound
	 * @param lowerInclusive whether the lower bound itself is in
	 * @param upper the upper bound
	 * @param upperInclusive whether the upper bound itself is in
	 */
	record Range(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {

		static Range of(Object value) {
			return new Range(value, true, value, true);
		}

	}

	/** What a document added to the index. */
	private record Keys(Object id, List<Object> values, List<Object> secondValues, boolean leadingArray,
			boolean secondArray) {

	}

}
