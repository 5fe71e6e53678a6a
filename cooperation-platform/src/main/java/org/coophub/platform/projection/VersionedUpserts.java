package org.coophub.platform.projection;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;

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
		try {
			UpdateResult result = this.mongo.getCollection(collection)
				.replaceOne(olderOrMissing(document), bson(document), new ReplaceOptions().upsert(true));
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
	 * Stores many documents in one unordered bulk write, each only if its version is
	 * newer than the stored one; of several versions of one document the newest is
	 * written.
	 * @param documents the documents
	 * @param collection the collection
	 */
	public void upsertAllIfNewer(Collection<? extends Versioned> documents, String collection) {
		Map<String, Versioned> newest = new LinkedHashMap<>();
		documents.forEach((document) -> newest.merge(document.id(), document, VersionedUpserts::newer));
		if (newest.isEmpty()) {
			return;
		}
		List<ReplaceOneModel<Document>> writes = newest.values()
			.stream()
			.map((document) -> new ReplaceOneModel<>(olderOrMissing(document), bson(document),
					new ReplaceOptions().upsert(true)))
			.toList();
		try {
			this.mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteConcernError() != null || !onlyNotNewer(ex.getWriteErrors())) {
				throw ex;
			}
		}
	}

	/**
	 * Whether the errors of a bulk of version-guarded upserts only say that a same or
	 * newer version was there: the upsert then tried to insert a second document with the
	 * id.
	 * @param errors the bulk write's errors
	 * @return true if every error is a duplicate key
	 */
	public static boolean onlyNotNewer(List<? extends WriteError> errors) {
		return errors.stream().allMatch((error) -> error.getCode() == DUPLICATE_KEY);
	}

	/**
	 * The newer of two versions of one document, as the store's guard keeps them: of two
	 * with the same version, the one that came first.
	 * @param <T> the document type
	 * @param a one version
	 * @param b another, that came after it
	 * @return the one with the higher version, {@code a} when equal
	 */
	public static <T extends Versioned> T newer(T a, T b) {
		return (b.version() > a.version()) ? b : a;
	}

	private static Bson olderOrMissing(Versioned document) {
		return Filters.and(Filters.eq("_id", document.id()), Filters.lt("version", document.version()));
	}

	private Document bson(Versioned document) {
		Document bson = new Document();
		this.mongo.getConverter().write(document, bson);
		return bson;
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
