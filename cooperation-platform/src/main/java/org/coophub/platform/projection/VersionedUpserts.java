package org.coophub.platform.projection;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
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
		return upsertIfNewer(document, this.mongo.getCollectionName(document.getClass())) != Stored.NOT_NEWER;
	}

	/**
	 * Stores the document in the given collection if its version is newer.
	 * @param document the document
	 * @param collection the collection
	 * @return whether it was inserted, replaced an older version, or was not newer
	 */
	public Stored upsertIfNewer(Versioned document, String collection) {
		Document bson = new Document();
		this.mongo.getConverter().write(document, bson);
		try {
			UpdateResult result = this.mongo.getCollection(collection)
				.replaceOne(Filters.and(Filters.eq("_id", document.id()), Filters.lt("version", document.version())),
						bson, new ReplaceOptions().upsert(true));
			return (result.getUpsertedId() != null) ? Stored.INSERTED : Stored.REPLACED;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCode() == DUPLICATE_KEY) {
				return Stored.NOT_NEWER;
			}
			throw ex;
		}
	}

	/**
	 * What an upsert did.
	 */
	public enum Stored {

		/** There was no document with that id. */
		INSERTED,
		/** An older version was replaced. */
		REPLACED,
		/** A same or newer version was there; nothing changed. */
		NOT_NEWER

	}

}
