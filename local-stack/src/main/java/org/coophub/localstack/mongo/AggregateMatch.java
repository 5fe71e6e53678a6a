package org.coophub.localstack.mongo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 * candidate. A pipeline that only counts is also told how many matches it can use: the
 * collection then reads and matches only that many (see {@link IndexedQueries}).
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
		PENDING.set(new Pending(database + "." + query.get(command), offered(filter, query)));
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
	static Offered take(String namespace) {
		Pending pending = PENDING.get();
		if (pending == null || !pending.namespace().equals(namespace)) {
			return null;
		}
		PENDING.remove();
		return pending.offered();
	}

	private static Document leadingMatch(String command, Document query) {
		if (!"aggregate".equalsIgnoreCase(command) || !(query.get(command) instanceof String)
				|| !(query.get("pipeline") instanceof Collection<?> stages) || stages.isEmpty()
				|| !(stages.iterator().next() instanceof Document first)) {
			return null;
		}
		return (first.size() == 1 && first.get("$match") instanceof Document filter) ? filter : null;
	}

	/**
	 * What the collection is offered: the filter, whether the pipeline only counts what
	 * its {@code $match} lets through, and how many of those it can use.
	 */
	private static Offered offered(Document filter, Document query) {
		List<?> stages = List.copyOf((Collection<?>) query.get("pipeline"));
		boolean countsOnly = countsOnly(stages);
		return new Offered(filter, countsOnly, countsOnly ? needed(stages) : Long.MAX_VALUE);
	}

	/**
	 * Whether the pipeline only counts what its {@code $match} lets through, within a
	 * {@code $skip} and a {@code $limit}: a {@code $count}, or a {@code $group} of
	 * everything into one that only counts ({@code {$sum: 1}}), last
	 * ({@code countDocuments}). The order its input comes in then changes nothing, so the
	 * candidates need not be sorted into the scan's order, and any of the matches may be
	 * the ones a {@code $limit} lets through.
	 */
	private static boolean countsOnly(List<?> stages) {
		for (int i = 1; i < stages.size(); i++) {
			if (!(stages.get(i) instanceof Document stage) || stage.size() != 1) {
				return false;
			}
			boolean last = i == stages.size() - 1;
			if (stage.containsKey("$skip") || stage.containsKey("$limit")) {
				continue;
			}
			return last && (stage.containsKey("$count")
					|| (stage.get("$group") instanceof Document group && countsAll(group)));
		}
		return false;
	}

	/**
	 * A {@code $group} of everything into one (a constant {@code _id}) whose every
	 * accumulator adds a constant: a sum of a field would depend on which documents a
	 * {@code $limit} lets through.
	 */
	private static boolean countsAll(Document group) {
		if (group.get("_id") instanceof Document || group.get("_id") instanceof String) {
			return false;
		}
		for (Map.Entry<String, Object> accumulator : group.entrySet()) {
			if (!"_id".equals(accumulator.getKey()) && !(accumulator.getValue() instanceof Document sum
					&& sum.size() == 1 && sum.get("$sum") instanceof Number)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * How many of the {@code $match}'s documents a pipeline that only counts can use: a
	 * {@code $limit} caps them, a {@code $skip} before it adds its own (walked from the
	 * count back to the {@code $match}); all of them without a limit.
	 */
	private static long needed(List<?> stages) {
		long needed = Long.MAX_VALUE;
		for (int i = stages.size() - 2; i >= 1; i--) {
			Document stage = (Document) stages.get(i);
			if (stage.containsKey("$limit")) {
				if (!(stage.get("$limit") instanceof Number limit)) {
					return Long.MAX_VALUE;
				}
				needed = Math.min(needed, Math.max(0, limit.longValue()));
			}
			else if (!(stage.get("$skip") instanceof Number skip)) {
				return Long.MAX_VALUE;
			}
			else if (needed != Long.MAX_VALUE) {
				needed = (needed > Long.MAX_VALUE - Math.max(0, skip.longValue())) ? Long.MAX_VALUE
						: needed + Math.max(0, skip.longValue());
			}
		}
		return needed;
	}

	/**
	 * A leading {@code $match}'s filter, whether the pipeline only counts its matches,
	 * and how many of them it can use.
	 *
	 * @param filter the filter
	 * @param countsOnly whether the input's order changes nothing
	 * @param needed how many matches are enough ({@link Long#MAX_VALUE}: all); any that
	 * many give the pipeline's answer when it only counts
	 */
	record Offered(Document filter, boolean countsOnly, long needed) {

	}

	private record Pending(String namespace, Offered offered) {

	}

}
