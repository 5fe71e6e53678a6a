package org.coophub.platform.text;

import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Gives documents stored before their collection kept {@link SearchTokens} their tokens,
 * so old data is found too. Works in batches by {@code _id} order, each one read and one
 * bulk write, and never looks back: the work is bounded by the collection's size whatever
 * happens to a document. A document a user changes meanwhile gets its tokens from that
 * write, and only documents still without tokens are written, so running it again, or on
 * several instances at once, changes nothing more.
 */
public class SearchTokenBackfill {

	/** Documents read and written per round trip. */
	public static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(SearchTokenBackfill.class);

	private final MongoTemplate mongo;

	public SearchTokenBackfill(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * @param <T> the document type
	 * @param type the mapped document class
	 * @param idOf its id
	 * @param tokensOf the tokens it should hold, computed as a write would
	 * @return how many documents got their tokens
	 */
	public <T> long fill(Class<T> type, Function<T, Object> idOf, Function<T, List<String>> tokensOf) {
		long filled = 0;
		Object after = null;
		while (true) {
			Criteria missing = Criteria.where(SearchTokens.FIELD).exists(false);
			if (after != null) {
				missing.and("_id").gt(after);
			}
			List<T> batch = this.mongo.find(Query.query(missing).with(Sort.by("_id")).limit(BATCH), type);
			if (batch.isEmpty()) {
				break;
			}
			BulkOperations writes = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
			int queued = 0;
			for (T document : batch) {
				Object id = idOf.apply(document);
				try {
					writes.updateOne(Query.query(Criteria.where("_id").is(id).and(SearchTokens.FIELD).exists(false)),
							Update.update(SearchTokens.FIELD, tokensOf.apply(document)));
					queued++;
				}
				catch (RuntimeException ex) {
					// one unreadable old document must not keep the others unsearchable
					log.warn("No search tokens for {} {}: {}", type.getSimpleName(), id, ex.toString());
				}
			}
			if (queued > 0) {
				filled += writes.execute().getModifiedCount();
			}
			after = idOf.apply(batch.get(batch.size() - 1));
		}
		if (filled > 0) {
			log.info("Gave {} {} documents stored before search tokens their tokens", filled, type.getSimpleName());
		}
		return filled;
	}

}
