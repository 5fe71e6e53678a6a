package org.coophub.localstack;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server uses an index only when a filter names exactly the index's fields, so
 * a filter such as {@code {_id: x, status: "PLANNED"}} (a claim, a versioned upsert, an
 * optimistic lock) scans the whole collection where MongoDB would look up the
 * {@code _id}. This finds the {@code _id} such a filter pins, at the top level or in an
 * {@code $and}, so that the collections look that one document up and match the rest of
 * the filter on it alone.
 */
final class IdLookup {

	private static final String ID = "_id";

	private IdLookup() {
	}

	/**
	 * The positions of the one document the filter can match, through the {@code _id}
	 * index.
	 * @param query the filter
	 * @param indexes the collection's indexes
	 * @return the positions, or null when the filter does not pin an {@code _id}
	 */
	static <P> Iterable<P> positions(Document query, List<Index<P>> indexes) {
		Object id = pinnedId(query);
		if (id == null) {
			return null;
		}
		for (Index<P> index : indexes) {
			if (index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey())) {
				return index.getPositions(new Document(ID, id));
			}
		}
		return null;
	}

	static Object pinnedId(Document query) {
		if (query == null) {
			return null;
		}
		Object id = query.get(ID);
		if (isPlain(id)) {
			return id;
		}
		if (query.get("$and") instanceof Collection<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document part && isPlain(part.get(ID))) {
					return part.get(ID);
				}
			}
		}
		return null;
	}

	/** An equality on a value, not an operator, a sub-document, an array or a pattern. */
	private static boolean isPlain(Object value) {
		return value != null && !(value instanceof Map) && !(value instanceof Collection)
				&& !(value instanceof BsonRegularExpression);
	}

}
