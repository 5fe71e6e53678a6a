package org.coophub.localstack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a collection answers a filter, cheapest way first: the {@code _id} it pins
 * ({@link IdLookup}), else the candidates of a secondary index ({@link SecondaryLookup}),
 * else the collection's own query (a scan unless a unique index matches the filter
 * exactly). Candidates are matched against the whole filter, so every way gives the
 * scan's answer; they are visited in the collection's natural order, so that even an
 * unsorted answer comes in the scan's order. Each query adds the documents it examined,
 * and the entries the secondary indexes read for it, to {@link DocumentsExamined}.
 *
 * @param <P> the backend's position of a document
 */
final class IndexedQueries<P> {

	private static final Logger log = LoggerFactory.getLogger(IndexedQueries.class);

	/**
	 * Above this many candidates for a sorted page, they are walked in the order of the
	 * sort's index (when it has one and the walk pays, see
	 * {@link SecondaryLookup#walkAmong}) instead of all being matched and sorted.
	 */
	static final int SORTED_WALK = 200;

	private final Supplier<DocumentsExamined> examined;

	private final Comparator<? super P> naturalOrder;

	/**
	 * @param examined where the documents examined are counted; null while the backend is
	 * still being constructed (it opens the stored databases in its constructor)
	 * @param naturalOrder the order of positions in which the collection scans
	 */
	IndexedQueries(Supplier<DocumentsExamined> examined, Comparator<? super P> naturalOrder) {
		this.examined = examined;
		this.naturalOrder = naturalOrder;
	}

	/**
	 * @param namespace the collection's full name, for the count of documents examined
	 * @param query the filter
	 * @param page the query's sort, skip and limit
	 * @param indexes the collection's indexes
	 * @param match matches a filter against the documents at some positions
	 * @param size the number of documents in the collection: what a scan examines
	 * @param scan the collection's own query
	 * @return the documents found
	 */
	QueryResult query(String namespace, Document query, Page<P> page, List<Index<P>> indexes, Match<P> match,
			IntSupplier size, Supplier<QueryResult> scan) {
		long read = entriesRead(indexes);
		try {
			return answer(namespace, query, page, indexes, match, size, scan);
		}
		finally {
			countEntries(namespace, entriesRead(indexes) - read);
		}
	}

	private QueryResult answer(String namespace, Document query, Page<P> page, List<Index<P>> indexes, Match<P> match,
			IntSupplier size, Supplier<QueryResult> scan) {
		boolean naturalDescending = page.naturalDescending();
		IdLookup.Lookup<P> byId = IdLookup.lookup(query, indexes);
		if (byId != null) {
			List<P> positions = new ArrayList<>();
			byId.positions().forEach(positions::add);
			return examine(namespace, byId.rest(), positions, naturalDescending, match);
		}
		if (page.limit() > 0) {
			FirstGroups<P> first = new FirstGroups<>(query, page);
			if (SecondaryLookup.walkRange(query, indexes, page.orderBy(), first)) {
				return examine(namespace, query, first.positions, naturalDescending, match);
			}
		}
		Candidates<P> candidates = SecondaryLookup.candidates(query, indexes);
		if (candidates != null && page.limit() > 0 && candidates.size() > SORTED_WALK) {
			FirstGroups<P> first = new FirstGroups<>(query, page);
			if (SecondaryLookup.walkAmong(candidates, indexes, page.orderBy(), first.needed, first)) {
				// many candidates for a short sorted page (a search word most documents
				// hold): the sort's index gives their order, so only the first are
				// matched
				return examine(namespace, query, first.positions, naturalDescending, match);
			}
		}
		if (candidates != null) {
			return examine(namespace, query, candidates.toList(), naturalDescending, match);
		}
		int documents = size.getAsInt();
		// what no index serves, for whoever looks for the queries that grow with the data
		log.debug("Scanning {} ({} documents) for {}", namespace, documents, query);
		count(namespace, documents);
		return scan.get();
	}

	/**
	 * The documents an index leads a filter to, for an aggregation that matches the
	 * filter on them next (see {@link AggregateMatch}). Mostly they are read lazily, each
	 * counted as examined when the pipeline pulls it, outside the collection's lock. A
	 * pipeline that only counts, up to a bound (a search's total that stops at 1,001),
	 * gets instead the first candidates that match the filter, read and matched here
	 * until there are as many as it can use: the candidates are walked where the index
	 * keeps them, so a bounded count reads about as many entries and documents as its
	 * bound, however many documents hold a common word.
	 * @param namespace the collection's full name, for the count of documents examined
	 * @param offered the aggregation's leading {@code $match}, and what the pipeline does
	 * with its matches
	 * @param indexes the collection's indexes
	 * @param documents reads the document at a position (null when it was deleted since)
	 * @param matches whether a document matches a filter
	 * @return the candidates in natural order (in the index's when the pipeline only
	 * counts), or null when no index serves the filter
	 */
	Stream<Document> candidates(String namespace, AggregateMatch.Offered offered, List<Index<P>> indexes,
			Function<P, Document> documents, BiPredicate<Document, Document> matches) {
		long read = entriesRead(indexes);
		try {
			return candidateDocuments(namespace, offered, indexes, documents, matches);
		}
		finally {
			countEntries(namespace, entriesRead(indexes) - read);
		}
	}

	private Stream<Document> candidateDocuments(String namespace, AggregateMatch.Offered offered,
			List<Index<P>> indexes, Function<P, Document> documents, BiPredicate<Document, Document> matches) {
		IdLookup.Lookup<P> byId = IdLookup.lookup(offered.filter(), indexes);
		List<P> ordered;
		if (byId != null) {
			ordered = new ArrayList<>();
			byId.positions().forEach(ordered::add);
		}
		else {
			Candidates<P> found = SecondaryLookup.candidates(offered.filter(), indexes);
			if (found == null) {
				return null;
			}
			if (offered.countsOnly() && offered.needed() < Long.MAX_VALUE) {
				return firstMatches(namespace, offered, found, documents, matches).stream();
			}
			ordered = found.toList();
		}
		if (!offered.countsOnly()) {
			// sorting every candidate grows with them: a count needs no order
			ordered.sort(this.naturalOrder);
		}
		return ordered.stream().map((position) -> {
			count(namespace, 1);
			return documents.apply(position);
		}).filter(Objects::nonNull);
	}

	/**
	 * The first candidates, in the index's order, that match the filter, as many as the
	 * counting pipeline can use (or all there are).
	 */
	private List<Document> firstMatches(String namespace, AggregateMatch.Offered offered, Candidates<P> found,
			Function<P, Document> documents, BiPredicate<Document, Document> matches) {
		List<Document> matching = new ArrayList<>();
		if (offered.needed() <= 0) {
			return matching;
		}
		found.visit((position) -> {
			count(namespace, 1);
			Document document = documents.apply(position);
			if (document != null && matches.test(document, offered.filter())) {
				matching.add(document);
			}
			return matching.size() < offered.needed();
		});
		return matching;
	}

	/**
	 * Collects the groups a walk in the sort's order visits, up to the one in which the
	 * documents matching the filter reach skip plus limit: every document the sorted page
	 * can hold is among them, ties with the last one included, so sorting them gives the
	 * page a scan would.
	 */
	private static final class FirstGroups<P> implements Predicate<Collection<P>> {

		private final Document query;

		private final BiPredicate<Document, P> matches;

		private final long needed;

		private final List<P> positions = new ArrayList<>();

		private long matched;

		FirstGroups(Document query, Page<P> page) {
			this.query = query;
			this.matches = page.matches();
			this.needed = (long) page.skip() + page.limit();
		}

		@Override
		public boolean test(Collection<P> group) {
			for (P position : group) {
				if (this.matches.test(this.query, position)) {
					this.matched++;
				}
			}
			this.positions.addAll(group);
			return this.matched < this.needed;
		}

	}

	private QueryResult examine(String namespace, Document filter, Iterable<P> positions, boolean naturalDescending,
			Match<P> match) {
		List<P> ordered = new ArrayList<>();
		positions.forEach(ordered::add);
		ordered.sort(naturalDescending ? this.naturalOrder.reversed() : this.naturalOrder);
		count(namespace, ordered.size());
		return match.documents(filter, ordered);
	}

	private void count(String namespace, int documents) {
		DocumentsExamined counts = this.examined.get();
		if (counts != null) {
			counts.add(namespace, documents);
		}
	}

	private void countEntries(String namespace, long entries) {
		DocumentsExamined counts = this.examined.get();
		if (counts != null && entries > 0) {
			counts.addIndexEntries(namespace, entries);
		}
	}

	private static <P> long entriesRead(List<Index<P>> indexes) {
		long read = 0;
		for (Index<P> index : indexes) {
			if (index instanceof SecondaryIndex<P> secondary) {
				read += secondary.entriesRead();
			}
		}
		return read;
	}

	/**
	 * A collection's matching of a filter against the documents at given positions.
	 */
	@FunctionalInterface
	interface Match<P> {

		QueryResult documents(Document filter, Iterable<P> positions);

	}

	/**
	 * What a query asks beside its filter.
	 *
	 * @param orderBy the sort, null for none
	 * @param skip how many matches to skip
	 * @param limit how many to return, 0 for all
	 * @param naturalDescending whether it asks for the reverse natural order
	 * @param matches whether the document at a position matches a filter
	 */
	record Page<P>(Document orderBy, int skip, int limit, boolean naturalDescending, BiPredicate<Document, P> matches) {

	}

}
