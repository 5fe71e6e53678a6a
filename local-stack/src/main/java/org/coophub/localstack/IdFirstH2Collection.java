package org.coophub.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/** An H2 collection that looks up a pinned {@code _id} first (see {@link IdLookup}). */
final class IdFirstH2Collection extends H2Collection {

	IdFirstH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
			MVMap<String, Object> meta, CursorRegistry cursors) {
		super(database, name, options, data, meta, cursors);
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
			Document fields) {
		return IdLookup.query(query, getIndexes(),
				(filter, positions) -> matchDocuments(filter, positions, orderBy, skip, limit, batchSize, fields),
				() -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields));
	}

}
