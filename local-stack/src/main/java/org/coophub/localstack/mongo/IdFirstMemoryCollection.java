package org.coophub.localstack.mongo;

import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A memory collection that looks up a pinned {@code _id} or a secondary index's
 * candidates before it scans (see {@link IndexedQueries}).
 */
final class IdFirstMemoryCollection extends MemoryCollection {

	private final IndexedQueries<Integer> queries;

	IdFirstMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors,
			Supplier<DocumentsExamined> examined) {
		super(database, name, options, cursors);
		// the memory backend scans its list of documents by position
		this.queries = new IndexedQueries<>(examined, Comparator.naturalOrder());
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
			Document fields) {
		IndexedQueries.Page<Integer> page = new IndexedQueries.Page<>(orderBy, skip, limit,
				isNaturalDescending(orderBy), this::matches);
		return this.queries.query(getFullName(), query, page, getIndexes(),
				(filter, positions) -> matchDocuments(filter, positions, orderBy, skip, limit, batchSize, fields),
				this::count, () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields));
	}

	private boolean matches(Document filter, Integer position) {
		Document document = getDocument(position);
		return document != null && documentMatchesQuery(document, filter);
	}

	// mongo-java-server does not lock a count with a filter; a lookup must not meet a
	// document deleted between finding its position and reading it
	@Override
	public synchronized int count(Document query, int skip, int limit) {
		return super.count(query, skip, limit);
	}

	// the lock covers finding the candidates' positions; their documents are read as the
	// pipeline pulls them, and one deleted meanwhile is left out
	@Override
	public synchronized Stream<Document> queryAllAsStream() {
		AggregateMatch.Offered offered = AggregateMatch.take(getFullName());
		Stream<Document> candidates = (offered != null) ? this.queries.candidates(getFullName(), offered, getIndexes(),
				this::getDocument, this::documentMatchesQuery) : null;
		return (candidates != null) ? candidates : super.queryAllAsStream();
	}

	// mongo-java-server BSON-encodes every document it stores, updates or removes only to
	// keep a collection's size for collStats (a fifth of the server's CPU under load);
	// no service reads it
	@Override
	protected boolean tracksDataSize() {
		return false;
	}

}
