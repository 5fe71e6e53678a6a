package org.coophub.platform.projection;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Idempotent read models: a document replaces the stored one only if its version is
 * newer, in one atomic operation, so redelivered or reordered events and concurrent
 * instances leave the newest state.
 */
public class VersionedUpserts {

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;

	public VersionedUpserts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * @return true if the document was stored, false if a same or newer version was there
	 */
	public boolean upsertIfNewer(Versioned document) {
		Document bson = new Document();
		this.mongo.getConverter().write(document, bson);
		String collection = this.mongo.getCollectionName(document.getClass());
		try {
			this.mongo.getCollection(collection)
				.replaceOne(Filters.and(Filters.eq("_id", document.id()), Filters.lt("version", document.version())),
						bson, new ReplaceOptions().upsert(true));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCode() == DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

}
