package org.coophub.localstack.mongo;

import java.util.Collection;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Hands an {@code aggregate} command's leading {@code $match} filter to the collection it
 * reads. mongo-java-server feeds every pipeline the whole collection
 * ({@code queryAllAsStream}), so {@code countDocuments} (an aggregate of a {@code $match}
 * and a {@code $group}), which Spring Data uses to count a page's total, scans even when
 * an index serves the filter. The collection takes the filter once, when the pipeline
 * asks for its input (a {@code $lookup} runs queries of its own, which never see it), and
 * streams only the index's candidates; the {@code $match} stage then matches them as
 * before, so the answer is unchanged. The candidates are read one at a time as the
 * pipeline pulls them: mongo-java-server's {@code $match} and {@code $limit} stages are a
 * lazy {@code Stream.filter} and {@code Stream.limit}, so a {@code countDocuments} with a
 * limit (a search's total that stops at a bound) reads about limit documents, not every
 * candidate.
 */
final class AggregateMatch {

	private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

	private AggregateMatch() {
	}

	/**
	 * Runs a command, offering its leading {@code $match} to the collection it
	 * aggregates.
	 * @param database the database the command runs in
	 * @param command the command's name
	 * @param query the command
	 * @param run runs the command
	 * @return the command's answer
	 */
	static Document during(String database, String command, Document query, Supplier<Document> run) {
		Document filter = leadingMatch(command, query);
		if (filter == null) {
			return run.get();
		}
		PENDING.set(new Pending(database + "." + query.get(command), filter));
		try {
			return run.get();
		}
		finally {
			PENDING.remove();
		}
	}

	/**
	 * The filter offered to this collection, once.
	 * @param namespace the collection's full name
	 * @return the filter, or null when none is offered to it
	 */
	static Document take(String namespace) {
		Pending pending = PENDING.get();
		if (pending == null || !pending.namespace().equals(namespace)) {
			return null;
		}
		PENDING.remove();
		return pending.filter();
	}

	private static Document leadingMatch(String command, Document query) {
		if (!"aggregate".equalsIgnoreCase(command) || !(query.get(command) instanceof String)
				|| !(query.get("pipeline") instanceof Collection<?> stages) || stages.isEmpty()
				|| !(stages.iterator().next() instanceof Document first)) {
			return null;
		}
		return (first.size() == 1 && first.get("$match") instanceof Document filter) ? filter : null;
	}

	private record Pending(String namespace, Document filter) {

	}

}
