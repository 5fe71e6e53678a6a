package org.coophub.localstack.mongo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many documents the server's queries read to match a filter, per collection: what a
 * scan costs grows with the collection, what an index lookup costs with its candidates;
 * and how many entries the secondary indexes read for them, which for a page or a bounded
 * count must not grow with the candidates either. Tests assert a pinned query's count
 * instead of timing it; timings belong in the benchmark.
 */
final class DocumentsExamined {

	private final Map<String, LongAdder> byNamespace = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> indexEntriesByNamespace = new ConcurrentHashMap<>();

	/**
	 * @param database the database
	 * @param collection the collection
	 * @return the documents examined by all queries on it since the server was created
	 */
	long of(String database, String collection) {
		LongAdder count = this.byNamespace.get(database + "." + collection);
		return (count != null) ? count.sum() : 0;
	}

	void add(String namespace, long documents) {
		this.byNamespace.computeIfAbsent(namespace, (name) -> new LongAdder()).add(documents);
	}

	/**
	 * @param database the database
	 * @param collection the collection
	 * @return the entries its secondary indexes read for queries since the server was
	 * created (see {@link SecondaryIndex#entriesRead()})
	 */
	long indexEntriesOf(String database, String collection) {
		LongAdder count = this.indexEntriesByNamespace.get(database + "." + collection);
		return (count != null) ? count.sum() : 0;
	}

	void addIndexEntries(String namespace, long entries) {
		this.indexEntriesByNamespace.computeIfAbsent(namespace, (name) -> new LongAdder()).add(entries);
	}

}
