package org.coophub.localstack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
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
 * unsorted answer comes in the scan's order. Each query adds the documents it examined to
 * {@link DocumentsExamined}.
 *
 * @param <P> the backend's position of a document
 */
final class IndexedQueries<P> {

	private static final Logger log = LoggerFactory.getLogger(IndexedQueries.class);

	/**
	 * Above this many candidates for a sorted page, they are walked in the order of the
	 * sort's index (when it has one) instead of all being matched and sorted.
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
		boolean naturalDescending = page.naturalDescending();
		IdLookup.Lookup<P> byId = IdLookup.lookup(query, indexes);
		if (byId != null) {
			List<P> positions = new ArrayList<>();
			byId.positions().forEach(positions::add);
			return examine(namespace, byId.rest(), positions, naturalDescending, match);
		}
		List<Set<P>> groups = (page.limit() > 0) ? SecondaryLookup.orderedRange(query, indexes, page.orderBy()) : null;
		if (groups != null) {
			return examine(namespace, query, firstGroups(query, groups, page).positions(), naturalDescending, match);
		}
		Set<P> candidates = SecondaryLookup.candidates(query, indexes);
		if (candidates != null && page.limit() > 0 && candidates.size() > SORTED_WALK) {
			List<P> first = firstInSortOrder(query, candidates, indexes, page);
			if (first != null) {
				// many candidates for a short sorted page (a search word most documents
				// hold): the sort's index gives their order, so only the first are
				// matched
				return examine(namespace, query, first, naturalDescending, match);
			}
		}
		if (candidates != null) {
			return examine(namespace, query, candidates, naturalDescending, match);
		}
		int documents = size.getAsInt();
		// what no index serves, for whoever looks for the queries that grow with the data
		log.debug("Scanning {} ({} documents) for {}", namespace, documents, query);
		count(namespace, documents);
		return scan.get();
	}

	/**
	 * The documents an index leads a filter to, for an aggregation that matches the
	 * filter on them next (see {@link AggregateMatch}). They are read lazily, each
	 * counted as examined when the pipeline pulls it: a {@code $limit} after the
	 * {@code $match} (a count that stops at a bound) stops the reading, so it examines
	 * about as many documents as the limit, not every candidate.
	 * @param namespace the collection's full name, for the count of documents examined
	 * @param offered the aggregation's leading {@code $match}, and whether the pipeline
	 * only counts its matches
	 * @param indexes the collection's indexes
	 * @param documents reads the document at a position (null when it was deleted since)
	 * @return the candidates in natural order (in the index's when the pipeline only
	 * counts), or null when no index serves the filter
	 */
	Stream<Document> candidates(String namespace, AggregateMatch.Offered offered, List<Index<P>> indexes,
			Function<P, Document> documents) {
		IdLookup.Lookup<P> byId = IdLookup.lookup(offered.filter(), indexes);
		Iterable<P> positions = (byId != null) ? byId.positions()
				: SecondaryLookup.candidates(offered.filter(), indexes);
		if (positions == null) {
			return null;
		}
		List<P> ordered = new ArrayList<>();
		positions.forEach(ordered::add);
		if (!offered.countsOnly()) {
			// sorting every candidate grows with them: a count with a bound needs none
			ordered.sort(this.naturalOrder);
		}
		return ordered.stream().map((position) -> {
			count(namespace, 1);
			return documents.apply(position);
		}).filter(Objects::nonNull);
	}

	/**
	 * The candidates that can fill the sorted page, walking the sort's index: first as
	 * far as a few pages' worth of candidates, the whole index only when too few of those
	 * match. Null when no index gives the sort's order.
	 */
	private List<P> firstInSortOrder(Document query, Set<P> candidates, List<Index<P>> indexes, Page<P> page) {
		long needed = (long) page.skip() + page.limit();
		int bound = (int) Math.min(Integer.MAX_VALUE, Math.max(SORTED_WALK, 4 * needed));
		SecondaryIndex.Walk<P> walk = SecondaryLookup.orderedAmong(candidates, indexes, page.orderBy(), bound);
		if (walk == null) {
			return null;
		}
		Groups<P> first = firstGroups(query, walk.groups(), page);
		if (first.filled() || walk.complete()) {
			return first.positions();
		}
		return firstGroups(query,
				SecondaryLookup.orderedAmong(candidates, indexes, page.orderBy(), Integer.MAX_VALUE).groups(), page)
			.positions();
	}

	/**
	 * The groups, in the sort's order, up to the one in which the documents matching the
	 * filter reach skip plus limit: every document the sorted page can hold is among
	 * them, ties with the last one included, so sorting them gives the page a scan would.
	 */
	private Groups<P> firstGroups(Document query, List<? extends Collection<P>> groups, Page<P> page) {
		long needed = (long) page.skip() + page.limit();
		long matched = 0;
		List<P> positions = new ArrayList<>();
		for (Collection<P> group : groups) {
			for (P position : group) {
				if (page.matches().test(query, position)) {
					matched++;
				}
			}
			positions.addAll(group);
			if (matched >= needed) {
				return new Groups<>(positions, true);
			}
		}
		return new Groups<>(positions, false);
	}

	/**
	 * The positions of the first groups, and whether their matches fill the page.
	 */
	private record Groups<P>(List<P> positions, boolean filled) {

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
