package org.coophub.localstack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds the candidates of a filter through the collection's {@link SecondaryIndex
 * secondary indexes}: a condition of the filter's conjunction (its top-level fields and
 * the clauses of a top-level {@code $and}) on an index's leading field that is
 * <ul>
 * <li>an equality on a value, or {@code $eq}: the documents holding it;</li>
 * <li>{@code $in} of values: the documents holding any of them;</li>
 * <li>{@code $all} of values (multikey): the documents holding all of them, read by
 * walking the rarest value's documents;</li>
 * <li>{@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}: the documents in the
 * range.</li>
 * </ul>
 * A compound index whose leading field is pinned by an equality or {@code $in} narrows
 * the candidates further by an equality or a range on its second field. Every document
 * that matches the filter is among the candidates (the collection then matches the whole
 * filter on each), so the answer is the scan's. An equality-like condition is preferred
 * to a range, and the one with the fewest documents wins. A filter with no such condition
 * ({@code $or}, {@code $regex}, {@code $ne}, {@code $exists}, a null or a sub-document,
 * an unindexed field) has no candidates here: it is scanned.
 */
final class SecondaryLookup {

	/**
	 * About how many index entries can be read for the cost of reading and matching one
	 * document: what decides whether a sorted page walks the sort's index.
	 */
	static final long ENTRIES_PER_DOCUMENT = 32;

	private SecondaryLookup() {
	}

	/**
	 * @param query the filter
	 * @param indexes the collection's indexes
	 * @return the candidates, or null when no secondary index serves the filter
	 */
	static <P> Candidates<P> candidates(Document query, List<Index<P>> indexes) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		List<SecondaryIndex<P>> secondary = new ArrayList<>();
		for (Index<P> index : indexes) {
			if (index instanceof SecondaryIndex<P> candidate) {
				secondary.add(candidate);
			}
		}
		if (secondary.isEmpty()) {
			return null;
		}
		List<Map.Entry<String, Object>> conditions = new ArrayList<>();
		collectConditions(query, conditions);
		Candidates<P> best = null;
		int bestSize = Integer.MAX_VALUE;
		for (Map.Entry<String, Object> condition : conditions) {
			for (SecondaryIndex<P> index : secondary) {
				if (!index.field().equals(condition.getKey())) {
					continue;
				}
				List<Object> values = equalityValues(condition.getValue());
				if (values == null) {
					continue;
				}
				SecondaryIndex.Range second = (index.secondField() != null && !isAll(condition.getValue()))
						? secondRange(index.secondField(), conditions) : null;
				if (second != null) {
					// a compound index pins both fields: the leading values, a range on
					// the next
					Set<P> both = index.secondBetween(values, second);
					if (both.size() < bestSize) {
						best = Candidates.of(both);
						bestSize = both.size();
					}
					continue;
				}
				int size = equalitySize(index, condition.getValue());
				if (size < bestSize) {
					best = equalityCandidates(index, condition.getValue());
					bestSize = size;
				}
			}
		}
		if (best != null) {
			return best;
		}
		for (SecondaryIndex<P> index : secondary) {
			SecondaryIndex.Range range = bounds(index.field(), conditions);
			if (range != null) {
				return Candidates.of(index.between(range));
			}
		}
		return null;
	}

	/**
	 * For a query sorted by an index's leading field that needs only its first documents:
	 * walks the documents within the range its conditions set on that field, in groups by
	 * value, in the sort's order, until the visitor has enough (the portfolio page by
	 * code, the reminders due first). Not when an equality-like condition can use an
	 * index: its candidates are fewer.
	 * @param query the filter
	 * @param indexes the collection's indexes
	 * @param orderBy the sort
	 * @param visitor takes a group (to read, not to keep), answers whether to go on
	 * @return false when no index serves the sort this way (nothing was visited)
	 */
	static <P> boolean walkRange(Document query, List<Index<P>> indexes, Document orderBy,
			Predicate<? super Set<P>> visitor) {
		if (query == null || orderBy == null || orderBy.isEmpty()) {
			return false;
		}
		String sorted = orderBy.keySet().iterator().next();
		if (!(orderBy.get(sorted) instanceof Number direction)) {
			return false;
		}
		List<Map.Entry<String, Object>> conditions = new ArrayList<>();
		collectConditions(query, conditions);
		SecondaryIndex<P> sortedBy = null;
		for (Index<P> index : indexes) {
			if (index instanceof SecondaryIndex<P> secondary) {
				for (Map.Entry<String, Object> condition : conditions) {
					if (secondary.field().equals(condition.getKey()) && equalityValues(condition.getValue()) != null) {
						return false;
					}
				}
				if (sortedBy == null && secondary.field().equals(sorted)) {
					sortedBy = secondary;
				}
			}
		}
		SecondaryIndex.Range range = (sortedBy != null) ? bounds(sorted, conditions) : null;
		return range != null && sortedBy.walkBetween(range, direction.doubleValue() < 0, visitor);
	}

	/**
	 * Walks the candidates of an equality-like lookup in the order of a sort whose
	 * leading field has a secondary index, in groups of candidates tied on it, until the
	 * visitor has enough (see {@link SecondaryIndex#walkAmong}). Only when the walk pays:
	 * it reads about {@code needed} times (index size / candidates) entries before the
	 * page is full, and matching and sorting every candidate instead reads each
	 * candidate's document, which costs about {@link #ENTRIES_PER_DOCUMENT} entries'
	 * reading.
	 * @param candidates the lookup's candidates
	 * @param indexes the collection's indexes
	 * @param orderBy the sort
	 * @param needed how many matches fill the page (skip plus limit)
	 * @param visitor takes a group of candidates, answers whether to go on
	 * @return false when no index gives the sort's order or walking it does not pay
	 * (nothing was visited)
	 */
	static <P> boolean walkAmong(Candidates<P> candidates, List<Index<P>> indexes, Document orderBy, long needed,
			Predicate<? super List<P>> visitor) {
		if (orderBy == null || orderBy.isEmpty()) {
			return false;
		}
		String sorted = orderBy.keySet().iterator().next();
		if (!(orderBy.get(sorted) instanceof Number direction)) {
			return false;
		}
		for (Index<P> index : indexes) {
			if (index instanceof SecondaryIndex<P> secondary && secondary.field().equals(sorted)) {
				double size = candidates.size();
				if ((double) needed * secondary.getCount() > ENTRIES_PER_DOCUMENT * size * size) {
					// few candidates spread over a large index: the walk would read
					// most of it
					return false;
				}
				return secondary.walkAmong(candidates, direction.doubleValue() < 0, visitor);
			}
		}
		return false;
	}

	/** The field conditions every match must meet: top-level ones and $and clauses'. */
	private static void collectConditions(Document query, List<Map.Entry<String, Object>> conditions) {
		for (Map.Entry<String, Object> entry : query.entrySet()) {
			if ("$and".equals(entry.getKey()) && entry.getValue() instanceof Collection<?> clauses) {
				for (Object clause : clauses) {
					if (clause instanceof Document part) {
						collectConditions(part, conditions);
					}
				}
			}
			else if (!entry.getKey().startsWith("$")) {
				conditions.add(entry);
			}
		}
	}

	/**
	 * How many documents an equality, {@code $in} or {@code $all} condition would look
	 * at, or -1 if the condition is not one of those on indexable values.
	 */
	private static <P> int equalitySize(SecondaryIndex<P> index, Object condition) {
		List<Object> values = equalityValues(condition);
		if (values == null) {
			return -1;
		}
		if (isAll(condition)) {
			int rarest = Integer.MAX_VALUE;
			for (Object value : values) {
				rarest = Math.min(rarest, index.countEqualTo(value));
			}
			return rarest;
		}
		int total = 0;
		for (Object value : values) {
			total += index.countEqualTo(value);
		}
		return total;
	}

	private static <P> Candidates<P> equalityCandidates(SecondaryIndex<P> index, Object condition) {
		return index.holding(equalityValues(condition), isAll(condition));
	}

	/**
	 * The values an equality-like condition names: {@code v}, {@code {$eq: v}},
	 * {@code {$in: [..]}} or {@code {$all: [..]}} (other operators beside them only
	 * narrow the match), or null if it names none or one that is not indexable.
	 */
	private static List<Object> equalityValues(Object condition) {
		if (SecondaryIndex.isIndexable(condition)) {
			return List.of(condition);
		}
		if (!(condition instanceof Document operators) || !isOperatorDocument(operators)) {
			return null;
		}
		if (SecondaryIndex.isIndexable(operators.get("$eq"))) {
			return List.of(operators.get("$eq"));
		}
		for (String operator : List.of("$in", "$all")) {
			if (operators.get(operator) instanceof Collection<?> values && !values.isEmpty()
					&& values.stream().allMatch(SecondaryIndex::isIndexable)) {
				return List.copyOf(values);
			}
		}
		return null;
	}

	private static boolean isAll(Object condition) {
		return condition instanceof Document operators && !SecondaryIndex.isIndexable(operators.get("$eq"))
				&& !(operators.get("$in") instanceof Collection<?>) && operators.get("$all") instanceof Collection<?>;
	}

	/**
	 * What the conditions on a compound index's second field pin: one value, or a range.
	 */
	private static SecondaryIndex.Range secondRange(String field, List<Map.Entry<String, Object>> conditions) {
		for (Map.Entry<String, Object> condition : conditions) {
			if (field.equals(condition.getKey()) && !isAll(condition.getValue())) {
				List<Object> values = equalityValues(condition.getValue());
				if (values != null && values.size() == 1) {
					return SecondaryIndex.Range.of(values.get(0));
				}
			}
		}
		return bounds(field, conditions);
	}

	/**
	 * The bounds that the conditions on a field set: a range may be split over several
	 * conditions ({@code $and} of {@code $gte} and {@code $lt}), all of which a match
	 * meets.
	 * @return the range, or null if the conditions set no bound on indexable values
	 */
	private static SecondaryIndex.Range bounds(String field, List<Map.Entry<String, Object>> conditions) {
		Object lower = null;
		boolean lowerInclusive = true;
		Object upper = null;
		boolean upperInclusive = true;
		for (Map.Entry<String, Object> condition : conditions) {
			if (!field.equals(condition.getKey()) || !(condition.getValue() instanceof Document operators)
					|| !isOperatorDocument(operators)) {
				continue;
			}
			Object low = bound(operators, "$gt", "$gte");
			if (lower == null && low != null) {
				lower = low;
				lowerInclusive = !operators.containsKey("$gt");
			}
			Object high = bound(operators, "$lt", "$lte");
			if (upper == null && high != null) {
				upper = high;
				upperInclusive = !operators.containsKey("$lt");
			}
		}
		if (lower == null && upper == null) {
			return null;
		}
		if (lower != null && upper != null && !sameKind(lower, upper)) {
			// no value is of both kinds: the matcher finds nothing, let it say so
			return null;
		}
		return new SecondaryIndex.Range(lower, lowerInclusive, upper, upperInclusive);
	}

	/**
	 * The bound of a range, if exactly one of its two operators names an indexable one.
	 */
	private static Object bound(Document operators, String exclusive, String inclusive) {
		if (operators.containsKey(exclusive) && operators.containsKey(inclusive)) {
			return null;
		}
		Object value = operators.containsKey(exclusive) ? operators.get(exclusive) : operators.get(inclusive);
		return SecondaryIndex.isIndexable(value) ? value : null;
	}

	private static boolean sameKind(Object value, Object other) {
		return (value instanceof Number && other instanceof Number) || value.getClass().equals(other.getClass());
	}

	/** A document of query operators, not a sub-document to compare with. */
	private static boolean isOperatorDocument(Document operators) {
		return !operators.isEmpty() && operators.keySet().stream().allMatch((key) -> key.startsWith("$"));
	}

}
