package org.coophub.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A memory collection that looks up a pinned {@code _id} first (see {@link IdLookup}).
 */
final class IdFirstMemoryCollection extends MemoryCollection {

	IdFirstMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
		super(database, name, options, cursors);
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
			Document fields) {
		return IdLookup.query(query, getIndexes(),
				(filter, positions) -> matchDocuments(filter, positions, orderBy, skip, limit, batchSize, fields),
				() -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields));
	}

}
