package org.coophub.localstack.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The services' queries that grow with the data unless an index serves them, with the
 * index each service declares and {@value #DOCUMENTS} documents to run against: the same
 * on the embedded server ({@link ServiceAccessPathsTest}) and on real MongoDB
 * ({@link MongoDBExplainTest}).
 *
 * @param name what the query is for
 * @param collection the collection
 * @param index the index the service declares
 * @param options the index's options
 * @param document the i-th document of the collection
 * @param filter the query
 * @param sort its order, null for none
 * @param candidates how many documents the index leads to
 */
record ServiceAccessPaths(String name, String collection, Bson index, IndexOptions options,
		IntFunction<Document> document, Bson filter, Bson sort, int candidates) {

	static final int DOCUMENTS = 200;

	private static final Instant JANUARY = Instant.parse("2026-01-01T00:00:00Z");

	static List<ServiceAccessPaths> all() {
		return List.of(
				new ServiceAccessPaths("an agreement's activities", "activities", Indexes.ascending("agreementId"),
						new IndexOptions(),
						(i) -> new Document("_id", "act-" + i).append("agreementId", "a-" + (i % 20))
							.append("title", "Hội thảo xúc tiến đầu tư " + i),
						Filters.eq("agreementId", "a-3"), null, 10),
				new ServiceAccessPaths("an agreement's activities starting in a period", "reporting_activities",
						Indexes.ascending("agreementId", "entry.startsAt"), new IndexOptions(),
						(i) -> new Document("_id", "act-" + i).append("agreementId", "a-" + (i % 20))
							.append("entry", new Document("startsAt", JANUARY.plusSeconds(86_400L * (i / 20)))),
						Filters.and(Filters.eq("agreementId", "a-3"),
								Filters.gte("entry.startsAt", JANUARY.plusSeconds(86_400L * 2)),
								Filters.lt("entry.startsAt", JANUARY.plusSeconds(86_400L * 5))),
						Sorts.ascending("entry.startsAt"), 3),
				new ServiceAccessPaths("search by diacritic-free tokens", "agreements",
						Indexes.ascending("searchTokens"), new IndexOptions(),
						(i) -> new Document("_id", "agr-" + i).append("searchTokens",
								List.of("hop", (i % 2 == 0) ? "tac" : "dong", "t-" + (i % 20))),
						Filters.all("searchTokens", List.of("hop", "tac", "t-4")), null, 10),
				new ServiceAccessPaths("reminders due", "ledger", Indexes.ascending("status", "nextAttemptAt"),
						new IndexOptions(),
						(i) -> new Document("_id", "n-" + i).append("status", (i % 10 == 0) ? "PLANNED" : "SENT")
							.append("nextAttemptAt", JANUARY.plusSeconds(60L * i)),
						Filters.and(Filters.eq("status", "PLANNED"),
								Filters.lte("nextAttemptAt", JANUARY.plusSeconds(60L * 100))),
						Sorts.ascending("nextAttemptAt"), 11),
				new ServiceAccessPaths("review schedules to wake up", "review_schedules", Indexes.ascending("wakeUpAt"),
						new IndexOptions().sparse(true), ServiceAccessPaths::schedule,
						Filters.lte("wakeUpAt", JANUARY.plusSeconds(3600L * 39)), Sorts.ascending("wakeUpAt"), 20));
	}

	private static Document schedule(int i) {
		Document schedule = new Document("_id", "rs-" + i).append("agreementId", "a-" + i);
		if (i % 2 == 0) {
			schedule.append("wakeUpAt", JANUARY.plusSeconds(3600L * i));
		}
		return schedule;
	}

	/** Creates the index and stores the documents. */
	MongoCollection<Document> load(MongoDatabase database) {
		MongoCollection<Document> documents = database.getCollection(this.collection);
		documents.createIndex(this.index, this.options);
		List<Document> all = new ArrayList<>();
		for (int i = 0; i < DOCUMENTS; i++) {
			all.add(this.document.apply(i));
		}
		documents.insertMany(all);
		return documents;
	}

	FindIterable<Document> find(MongoCollection<Document> documents) {
		FindIterable<Document> found = documents.find(this.filter);
		return (this.sort != null) ? found.sort(this.sort) : found;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
