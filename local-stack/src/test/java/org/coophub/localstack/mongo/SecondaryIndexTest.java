package org.coophub.localstack.mongo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.mongodb.client.FindIterable;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secondary indexes the services declare, served over the wire by the memory and the
 * H2 backend: each query below asserts what it finds and how many documents it examined
 * (its candidates, not the collection).
 */
class SecondaryIndexTest {

	private static final String DATABASE = "activities";

	private static final String COLLECTION = "activities";

	private static final Instant JANUARY = Instant.parse("2026-01-01T00:00:00Z");

	@ParameterizedTest
	@EnumSource(Backend.class)
	void looksUpEqualityInAndRangeOnTheLeadingField(Backend backend, @TempDir Path directory) {
		try (MongoWireServer server = backend.start(directory)) {
			assertLookups(server);
		}
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void keepsTheIndexAcrossInsertUpdateDeleteUpsertAndFindAndModify(Backend backend, @TempDir Path directory) {
		try (MongoWireServer server = backend.start(directory)) {
			assertMaintained(server);
		}
	}

	@Test
	void rebuildsTheIndexFromTheH2FileAfterARestart(@TempDir Path directory) {
		MongoWireServer server = MongoWireServer.persistent(directory, 0).start();
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> activities = activities(client);
			activities.createIndex(Indexes.ascending("agreementId"));
			insertActivities(activities, 20, 10);
		}
		server.stop();

		server.start();
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> activities = activities(client);
			assertThat(ids(server, 10, () -> activities.find(Filters.eq("agreementId", "a-7"))))
				.containsExactlyInAnyOrder("a-7-0", "a-7-1", "a-7-2", "a-7-3", "a-7-4", "a-7-5", "a-7-6", "a-7-7",
						"a-7-8", "a-7-9");
			activities.insertOne(activity("a-7", 10).append("title", "Hội thảo xúc tiến đầu tư"));
			assertThat(activities.find(Filters.eq("agreementId", "a-7")).sort(Sorts.descending("startsAt")).first())
				.containsEntry("title", "Hội thảo xúc tiến đầu tư");
			activities.updateOne(Filters.eq("_id", "a-7-0"), Updates.set("agreementId", "a-8"));
			activities.deleteOne(Filters.eq("_id", "a-7-1"));
			assertThat(ids(server, 9, () -> activities.find(Filters.eq("agreementId", "a-7")))).hasSize(9)
				.doesNotContain("a-7-0", "a-7-1");
			assertThat(ids(server, 11, () -> activities.find(Filters.eq("agreementId", "a-8")))).contains("a-7-0");
		}
		finally {
			server.stop();
		}
	}

	@Test
	void scansWhatNoIndexServes() {
		try (MongoWireServer server = MongoWireServer.inMemory(0).start();
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> activities = activities(client);
			activities.createIndex(Indexes.ascending("agreementId"));
			insertActivities(activities, 10, 10);

			assertThat(ids(server, 100, () -> activities.find(Filters.eq("kind", "WORKSHOP")))).hasSize(50);
			assertThat(ids(server, 100,
					() -> activities
						.find(Filters.or(Filters.eq("agreementId", "a-1"), Filters.eq("agreementId", "a-2")))))
				.hasSize(20);
			assertThat(ids(server, 100, () -> activities.find(Filters.regex("agreementId", "^a-1$")))).hasSize(10);
			assertThat(ids(server, 100, () -> activities.find(Filters.ne("agreementId", "a-1")))).hasSize(90);
		}
	}

	@Test
	void countsAndAggregatesFromTheIndexCandidates() {
		try (MongoWireServer server = MongoWireServer.inMemory(0).start();
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> activities = activities(client);
			activities.createIndex(Indexes.ascending("agreementId"));
			insertActivities(activities, 20, 10);

			assertExamined(server, 10,
					() -> assertThat(activities.countDocuments(Filters.eq("agreementId", "a-4"))).isEqualTo(10));
			assertExamined(server, 10, () -> assertThat(activities
				.aggregate(List.of(Aggregates.match(Filters.eq("agreementId", "a-4")),
						Aggregates.match(Filters.eq("kind", "VISIT")), Aggregates.count("visits")))
				.first()).containsEntry("visits", 5));
			// each $lookup of an activity's siblings is a query by agreementId: indexed
			// too
			assertExamined(server, 10 + 10 * 10,
					() -> assertThat(activities
						.aggregate(List.of(Aggregates.match(Filters.eq("agreementId", "a-4")),
								Aggregates.lookup(COLLECTION, "agreementId", "agreementId", "siblings")))
						.into(new ArrayList<>())).hasSize(10)
						.allSatisfy((found) -> assertThat(found.getList("siblings", Document.class)).hasSize(10)));
			assertExamined(server, 200,
					() -> assertThat(activities.countDocuments(Filters.eq("kind", "VISIT"))).isEqualTo(100));
		}
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void findsTheFirstPageOfACommonWordInTheSortsIndexOrder(Backend backend, @TempDir Path directory) {
		try (MongoWireServer server = backend.start(directory)) {
			assertSortedPages(server);
		}
	}

	/**
	 * A search word most documents hold, sorted by an indexed field and paged: only the
	 * first of the sort's groups are examined, and the page is the one a scan gives.
	 */
	private static void assertSortedPages(MongoWireServer server) {
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> activities = activities(client);
			activities.createIndex(Indexes.ascending("searchTokens"));
			activities.createIndex(Indexes.ascending("startsAt", "_id"));
			// 300 activities, 150 of them with "thao": more than
			// IndexedQueries.SORTED_WALK
			insertActivities(activities, 50, 10);
			var search = Filters.all("searchTokens", "hoi", "thao");

			// the earliest day (n = 0) holds 50 matches, ties broken by _id
			assertThat(ids(server, 50,
					() -> activities.find(search).sort(Sorts.ascending("startsAt", "_id")).skip(2).limit(5)))
				.containsExactly("a-10-0", "a-11-0", "a-12-0", "a-13-0", "a-14-0");
			// the latest day with "thao" is n = 8; n = 9 ("nghi") is walked but holds
			// none
			assertThat(ids(server, 50,
					() -> activities.find(search)
						.sort(Sorts.orderBy(Sorts.descending("startsAt"), Sorts.ascending("_id")))
						.limit(3)))
				.containsExactly("a-0-8", "a-1-8", "a-10-8");
			// the page ends within the second day's group: both groups are examined
			assertThat(
					ids(server, 100, () -> activities.find(search).sort(Sorts.ascending("startsAt", "_id")).limit(51)))
				.hasSize(51)
				.endsWith("a-0-2");
			// the total is counted over every match
			assertThat(activities.countDocuments(search)).isEqualTo(250);
			// a condition only the latest of them meets: the walk's first 200 candidates
			// (days 0 to 6) hold no match, so the whole index is walked after them
			activities.updateOne(Filters.eq("_id", "a-0-8"), Updates.set("note", "late"));
			assertThat(ids(server, 250,
					() -> activities.find(Filters.and(search, Filters.eq("note", "late")))
						.sort(Sorts.ascending("startsAt", "_id"))
						.limit(1)))
				.containsExactly("a-0-8");

			// a document without the sort's field sorts first, where the index does not
			// reach it: then every candidate is matched and sorted
			activities.insertOne(new Document("_id", "undated").append("searchTokens", List.of("hoi", "thao")));
			assertThat(
					ids(server, 251, () -> activities.find(search).sort(Sorts.ascending("startsAt", "_id")).limit(2)))
				.containsExactly("undated", "a-0-0");
			activities.deleteOne(Filters.eq("_id", "undated"));
			assertThat(ids(server, 50, () -> activities.find(search).sort(Sorts.ascending("startsAt", "_id")).limit(2)))
				.containsExactly("a-0-0", "a-1-0");
		}
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void countsACommonWordUpToALimitReadingAboutLimitDocuments(Backend backend, @TempDir Path directory) {
		try (MongoWireServer server = backend.start(directory)) {
			assertBoundedCounts(server);
		}
	}

	/**
	 * A search's total that stops at a bound ({@code countDocuments} with a limit: a
	 * {@code $limit} stage after the {@code $match}) reads the index's candidates only
	 * until the limit is reached, however many hold the word.
	 */
	private static void assertBoundedCounts(MongoWireServer server) {
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> activities = activities(client);
			activities.createIndex(Indexes.ascending("searchTokens"));
			List<Document> many = new ArrayList<>();
			for (int n = 0; n < 2_000; n++) {
				many.add(new Document("_id", "hd-%04d".formatted(n)).append("searchTokens", List.of("hoat", "dong"))
					.append("kind", (n % 4 == 0) ? "VISIT" : "WORKSHOP"));
			}
			activities.insertMany(many);
			var common = Filters.all("searchTokens", "hoat", "dong");

			assertExamined(server, 101,
					() -> assertThat(activities.countDocuments(common, new CountOptions().limit(101))).isEqualTo(101));
			// one candidate in four matches (kind has no index): the reading stops at the
			// 101st match, about the 400th candidate (a count reads them in the index's
			// order, not the natural one, so not exactly the 401st)
			var visits = Filters.and(common, Filters.eq("kind", "VISIT"));
			long before = server.documentsExamined(DATABASE, COLLECTION);
			assertThat(activities.countDocuments(visits, new CountOptions().limit(101))).isEqualTo(101);
			assertThat(server.documentsExamined(DATABASE, COLLECTION) - before).as("documents examined")
				.isBetween(101L, 600L);
			// fewer matches than the limit: every candidate is read, the count is exact
			assertExamined(server, 2_000,
					() -> assertThat(activities.countDocuments(visits, new CountOptions().limit(1_001)))
						.isEqualTo(500));
			// without a limit the total counts every match
			assertExamined(server, 2_000, () -> assertThat(activities.countDocuments(common)).isEqualTo(2_000));
		}
	}

	private static void assertExamined(MongoWireServer server, long examined, Runnable query) {
		long before = server.documentsExamined(DATABASE, COLLECTION);
		query.run();
		assertThat(server.documentsExamined(DATABASE, COLLECTION) - before).as("documents examined")
			.isEqualTo(examined);
	}

	private static void assertLookups(MongoWireServer server) {
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> activities = activities(client);
			activities.createIndex(Indexes.ascending("agreementId"));
			// a compound index serves filters on its leading field
			activities.createIndex(Indexes.ascending("status", "nextAttemptAt"));
			activities.createIndex(Indexes.ascending("searchTokens"));
			activities.createIndex(Indexes.ascending("wakeUpAt"), new IndexOptions().sparse(true));
			insertActivities(activities, 30, 10);

			assertThat(ids(server, 10, () -> activities.find(Filters.eq("agreementId", "a-3")))).hasSize(10)
				.allMatch((id) -> id.startsWith("a-3-"));
			assertThat(ids(server, 20, () -> activities.find(Filters.in("agreementId", List.of("a-3", "a-4", "x")))))
				.hasSize(20);
			// the whole filter applies to the candidates: a range on the second field
			assertThat(ids(server, 10,
					() -> activities.find(Filters.and(Filters.eq("agreementId", "a-3"),
							Filters.gte("startsAt", JANUARY.plusSeconds(86_400 * 2)),
							Filters.lt("startsAt", JANUARY.plusSeconds(86_400 * 5))))))
				.containsExactlyInAnyOrder("a-3-2", "a-3-3", "a-3-4");
			// status + nextAttemptAt: one in ten documents is PLANNED
			assertThat(ids(server, 30,
					() -> activities
						.find(Filters.and(Filters.eq("status", "PLANNED"), Filters.lte("nextAttemptAt", JANUARY)))
						.sort(Sorts.ascending("nextAttemptAt"))
						.limit(5)))
				.hasSize(5);
			// multikey: the candidates are the documents holding every token, found by
			// walking the rarest token's 10 and testing each in the others' entries
			assertThat(
					ids(server, 5, () -> activities.find(Filters.all("searchTokens", List.of("hoi", "thao", "a-3")))))
				.containsExactlyInAnyOrder("a-3-0", "a-3-2", "a-3-4", "a-3-6", "a-3-8")
				.allMatch((id) -> id.startsWith("a-3-"));
			assertThat(ids(server, 300, () -> activities.find(Filters.in("searchTokens", List.of("hoi", "nghi")))))
				.hasSize(300);
			// a range on the leading field: only documents with a wakeUpAt are in the
			// index
			assertThat(ids(server, 60, () -> activities.find(Filters.lte("wakeUpAt", JANUARY.plusSeconds(86_400 * 4)))
				.sort(Sorts.ascending("wakeUpAt")))).hasSize(60);
			// sorted by the range's field and limited: the walk stops after the first
			// value's
			// 30 documents, where the scan's order puts the first five
			assertThat(ids(server, 30,
					() -> activities.find(Filters.lte("wakeUpAt", JANUARY.plusSeconds(86_400 * 4)))
						.sort(Sorts.orderBy(Sorts.ascending("wakeUpAt"), Sorts.descending("_id")))
						.limit(5)))
				.containsExactly("a-9-0", "a-8-0", "a-7-0", "a-6-0", "a-5-0");
			assertThat(ids(server, 60,
					() -> activities.find(Filters.gte("wakeUpAt", JANUARY))
						.sort(Sorts.descending("wakeUpAt"))
						.skip(25)
						.limit(10)))
				.hasSize(10)
				.allMatch((id) -> id.endsWith("-9") || id.endsWith("-6"));
			assertThat(ids(server, 90, () -> activities.find(Filters.gt("wakeUpAt", JANUARY.plusSeconds(86_400 * 1)))))
				.hasSize(90);
			assertThat(ids(server, 30,
					() -> activities.find(Filters.and(Filters.gt("wakeUpAt", JANUARY),
							Filters.lt("wakeUpAt", JANUARY.plusSeconds(86_400 * 4))))))
				.hasSize(30)
				.allMatch((id) -> id.endsWith("-3"));
			// the most selective condition wins
			assertThat(ids(server, 10,
					() -> activities.find(Filters.and(Filters.eq("searchTokens", "hoi"),
							Filters.eq("agreementId", "a-1"), Filters.eq("status", "PLANNED")))))
				.containsExactly("a-1-0");
		}
	}

	private static void assertMaintained(MongoWireServer server) {
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> activities = activities(client);
			activities
				.createIndex(Indexes.compoundIndex(Indexes.ascending("agreementId"), Indexes.ascending("startsAt")));
			insertActivities(activities, 10, 5);

			activities.updateOne(Filters.eq("_id", "a-1-0"), Updates.set("agreementId", "a-2"));
			activities.updateMany(Filters.eq("agreementId", "a-3"), Updates.set("agreementId", "a-4"));
			activities.deleteOne(Filters.eq("_id", "a-5-0"));
			activities.deleteMany(Filters.eq("agreementId", "a-6"));
			activities.updateOne(Filters.eq("_id", "new-1"), Updates.set("agreementId", "a-5"),
					new UpdateOptions().upsert(true));
			activities.replaceOne(Filters.eq("_id", "a-7-0"), new Document("agreementId", "a-5"),
					new ReplaceOptions().upsert(true));
			activities.replaceOne(Filters.eq("_id", "new-2"), new Document("agreementId", "a-5"),
					new ReplaceOptions().upsert(true));
			activities.findOneAndUpdate(Filters.eq("_id", "a-8-0"), Updates.set("agreementId", "a-5"));
			activities.findOneAndUpdate(Filters.eq("_id", "new-3"), Updates.set("agreementId", "a-5"),
					new FindOneAndUpdateOptions().upsert(true));
			activities.findOneAndDelete(Filters.eq("_id", "a-9-0"));
			activities.insertMany(List.of(activity("a-5", 9), activity("a-9", 9)));

			assertThat(ids(server, 4, () -> activities.find(Filters.eq("agreementId", "a-1")))).hasSize(4)
				.doesNotContain("a-1-0");
			assertThat(ids(server, 6, () -> activities.find(Filters.eq("agreementId", "a-2")))).contains("a-1-0");
			assertThat(ids(server, 0, () -> activities.find(Filters.eq("agreementId", "a-3")))).isEmpty();
			assertThat(ids(server, 10, () -> activities.find(Filters.eq("agreementId", "a-4")))).hasSize(10);
			assertThat(ids(server, 0, () -> activities.find(Filters.eq("agreementId", "a-6")))).isEmpty();
			assertThat(ids(server, 10, () -> activities.find(Filters.eq("agreementId", "a-5"))))
				.containsExactlyInAnyOrder("a-5-1", "a-5-2", "a-5-3", "a-5-4", "new-1", "a-7-0", "new-2", "a-8-0",
						"new-3", "a-5-9");
			// the compound index's second level follows the same writes
			assertThat(ids(server, 5,
					() -> activities.find(Filters.and(Filters.eq("agreementId", "a-5"),
							Filters.gte("startsAt", JANUARY.plusSeconds(86_400))))))
				.containsExactlyInAnyOrder("a-5-1", "a-5-2", "a-5-3", "a-5-4", "a-5-9");
			assertThat(ids(server, 1,
					() -> activities
						.find(Filters.and(Filters.eq("agreementId", "a-5"), Filters.eq("startsAt", JANUARY)))))
				.containsExactly("a-8-0");
			assertThat(ids(server, 5, () -> activities.find(Filters.eq("agreementId", "a-9"))))
				.containsExactlyInAnyOrder("a-9-1", "a-9-2", "a-9-3", "a-9-4", "a-9-9");
		}
	}

	/**
	 * Runs a query and asserts how many documents it examined.
	 * @return the ids it found
	 */
	private static List<String> ids(MongoWireServer server, long examined, Supplier<FindIterable<Document>> query) {
		long before = server.documentsExamined(DATABASE, COLLECTION);
		List<String> found = query.get().map((document) -> document.getString("_id")).into(new ArrayList<>());
		assertThat(server.documentsExamined(DATABASE, COLLECTION) - before).as("documents examined")
			.isEqualTo(examined);
		return found;
	}

	private static MongoCollection<Document> activities(MongoClient client) {
		return client.getDatabase(DATABASE).getCollection(COLLECTION);
	}

	/**
	 * Activities a-{agreement}-{n}: one in ten PLANNED with a nextAttemptAt, one in three
	 * with a wakeUpAt, tokens shared by all and one per agreement.
	 */
	private static void insertActivities(MongoCollection<Document> activities, int agreements, int each) {
		for (int agreement = 0; agreement < agreements; agreement++) {
			for (int n = 0; n < each; n++) {
				activities.insertOne(activity("a-" + agreement, n));
			}
		}
	}

	private static Document activity(String agreementId, int n) {
		Instant startsAt = JANUARY.plusSeconds(86_400L * n);
		Document activity = new Document("_id", agreementId + "-" + n).append("agreementId", agreementId)
			.append("startsAt", startsAt)
			.append("kind", (n % 2 == 0) ? "WORKSHOP" : "VISIT")
			.append("searchTokens", List.of("hoi", (n % 2 == 0) ? "thao" : "nghi", agreementId));
		if (n == 0) {
			activity.append("status", "PLANNED")
				.append("nextAttemptAt", JANUARY.minusSeconds(agreementId.hashCode() & 0xff));
		}
		else {
			activity.append("status", "SENT");
		}
		if (n % 3 == 0) {
			activity.append("wakeUpAt", startsAt);
		}
		return activity;
	}

}
