package org.coophub.localstack.mongo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server uses an index only when a filter names exactly the index's fields, so
 * a filter such as {@code {_id: x, status: "PLANNED"}} (a claim, a versioned upsert, an
 * optimistic lock) scans the whole collection where MongoDB would look up the
 * {@code _id}. This finds the {@code _id} such a filter pins, or the list of them it
 * names with {@code $in} (a batch's claim), at the top level or in an {@code $and}, so
 * that the collections look those documents up and match the rest of the filter on them
 * alone. {@link IndexedQueries} asks it before the secondary indexes.
 */
final class IdLookup {

	private static final String ID = "_id";

	private IdLookup() {
	}

	/**
	 * Looks up the documents a filter pins by {@code _id}.
	 * @param query the filter
	 * @param indexes the collection's indexes
	 * @return the positions and what is left to match on them, or null when the filter
	 * does not pin an {@code _id}
	 */
	static <P> Lookup<P> lookup(Document query, List<Index<P>> indexes) {
		Index<P> idIndex = indexes.stream()
			.filter((index) -> index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey()))
			.findFirst()
			.orElse(null);
		if (idIndex == null) {
			return null;
		}
		if (isOnlyIdIn(query)) {
			// the index answers it exactly; matching each document against a list of n
			// ids
			// again would cost n times n comparisons
			return new Lookup<>(idIndex.getPositions(query), new Document());
		}
		Object id = pinnedId(query);
		if (id != null) {
			return new Lookup<>(idIndex.getPositions(new Document(ID, id)), query);
		}
		Object ids = pinnedIdList(query);
		// a few ids and more to match (a batch's claim): the listed documents, each
		// matched against the whole filter
		return (ids != null) ? new Lookup<>(idIndex.getPositions(new Document(ID, ids)), query) : null;
	}

	static boolean isOnlyIdIn(Document query) {
		return query != null && query.size() == 1 && isIdList(query.get(ID));
	}

	static Object pinnedId(Document query) {
		return idCondition(query, IdLookup::isPlain);
	}

	/**
	 * The {@code {$in: [...]}} of plain values a filter gives {@code _id}, at the top
	 * level or in an {@code $and}; null if it gives none.
	 */
	static Object pinnedIdList(Document query) {
		return idCondition(query, IdLookup::isIdList);
	}

	/**
	 * What the filter gives {@code _id}, at the top level or in an {@code $and}, if it is
	 * such.
	 */
	private static Object idCondition(Document query, Predicate<Object> such) {
		if (query == null) {
			return null;
		}
		if (such.test(query.get(ID))) {
			return query.get(ID);
		}
		if (query.get("$and") instanceof Collection<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document part && such.test(part.get(ID))) {
					return part.get(ID);
				}
			}
		}
		return null;
	}

	private static boolean isIdList(Object value) {
		return value instanceof Document in && in.size() == 1 && in.get("$in") instanceof Collection<?> ids
				&& ids.stream().allMatch(IdLookup::isPlain);
	}

	/** An equality on a value, not an operator, a sub-document, an array or a pattern. */
	private static boolean isPlain(Object value) {
		return value != null && !(value instanceof Map) && !(value instanceof Collection)
				&& !(value instanceof BsonRegularExpression);
	}

	/**
	 * Documents found through the {@code _id} index, and the part of the filter still to
	 * match on them.
	 *
	 * @param positions where the documents are
	 * @param rest the filter to match them against (empty: all match)
	 */
	record Lookup<P>(Iterable<P> positions, Document rest) {

	}

}
