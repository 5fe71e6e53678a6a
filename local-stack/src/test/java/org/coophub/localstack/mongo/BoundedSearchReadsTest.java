package org.coophub.localstack.mongo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's growth target for activity-service's search: a word nine documents in ten
 * hold ({@code q=hoat dong}), sorted by {@code details.startsAt} and paged by 20, with a
 * total counted up to 1,001. The page and the count read as many index entries and
 * documents with 20,000 documents holding the word as with 2,000: the postings are read
 * where the index keeps them, never copied.
 */
class BoundedSearchReadsTest {

	private static final String DATABASE = "activities";

	private static final String COLLECTION = "activities";

	private static final Instant JANUARY = Instant.parse("2026-01-01T00:00:00Z");

	private static final Bson SEARCH = Filters.all("searchTokens", "hoat", "dong");

	private static final Bson LATEST_FIRST = Sorts.orderBy(Sorts.descending("details.startsAt"),
			Sorts.ascending("_id"));

	@ParameterizedTest
	@EnumSource(Backend.class)
	void aPageAndABoundedCountReadNoMoreWithTenTimesTheMatches(Backend backend, @TempDir Path directory) {
		Work small = searched(backend, directory.resolve("small"), 2_000);
		Work large = searched(backend, directory.resolve("large"), 20_000);

		// the walk down details.startsAt reads 22 entries (two of them do not hold
		// "dong") and tests each in the search's postings: 44; the page's 20 are matched
		assertThat(small.page()).isEqualTo(new Reads(44, 20));
		assertThat(large.page()).isEqualTo(small.page());
		// the count walks the rarer word's entries until 1,001 documents matched
		assertThat(small.count()).isEqualTo(new Reads(1_001, 1_001));
		assertThat(large.count()).isEqualTo(small.count());
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void aRareWordsPageReadsItsOwnEntriesNotTheSortsIndex(Backend backend, @TempDir Path directory) {
		try (MongoWireServer server = backend.start(directory)) {
			try (MongoClient client = MongoClients.create(server.connectionString())) {
				MongoCollection<Document> activities = loaded(client, 20_000);
				// 250 documents hold "hiem": walking the index for a page of 200 of them
				// would read about 16,000 entries; matching and sorting the 250 is
				// cheaper
				Bson rare = Filters.all("searchTokens", "hoat", "hiem");
				List<String> ids = new ArrayList<>();
				Reads reads = reads(server,
						() -> activities.find(rare)
							.sort(LATEST_FIRST)
							.limit(200)
							.map((found) -> found.getString("_id"))
							.into(ids));
				assertThat(ids).hasSize(200).startsWith("act-19920", "act-19840").endsWith("act-04000");
				assertThat(reads).isEqualTo(new Reads(250, 250));
			}
		}
	}

	/**
	 * Writes change the postings the searches read in place: the searches hold the
	 * collection's lock while they read them, so they never meet a set being changed and
	 * always find a full page and the bounded total.
	 */
	@Test
	void searchesReadThePostingsSafelyWhileActivitiesAreWritten() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try (MongoWireServer server = MongoWireServer.inMemory(0).start();
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> activities = loaded(client, 2_000);
			List<Future<?>> work = new ArrayList<>();
			for (int writer = 0; writer < 2; writer++) {
				String prefix = "new-" + writer + "-";
				work.add(threads.submit(() -> {
					for (int n = 0; n < 300; n++) {
						activities.insertOne(new Document("_id", prefix + n)
							.append("details", new Document("startsAt", JANUARY.plusSeconds(n)))
							.append("searchTokens", List.of("hoat", "dong")));
						activities.updateOne(Filters.eq("_id", prefix + n),
								Updates.set("searchTokens", List.of("hoat", "dong", "moi")));
						if (n % 2 == 0) {
							activities.deleteOne(Filters.eq("_id", prefix + n));
						}
					}
				}));
			}
			for (int reader = 0; reader < 2; reader++) {
				work.add(threads.submit(() -> {
					for (int n = 0; n < 100; n++) {
						assertThat(activities.find(SEARCH).sort(LATEST_FIRST).limit(20).into(new ArrayList<>()))
							.hasSize(20);
						assertThat(activities.countDocuments(SEARCH, new CountOptions().limit(1_001))).isEqualTo(1_001);
					}
				}));
			}
			for (Future<?> done : work) {
				done.get(60, TimeUnit.SECONDS);
			}
			assertThat(activities.countDocuments(Filters.all("searchTokens", "hoat", "moi"))).isEqualTo(300);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static Work searched(Backend backend, Path directory, int documents) {
		try (MongoWireServer server = backend.start(directory)) {
			try (MongoClient client = MongoClients.create(server.connectionString())) {
				MongoCollection<Document> activities = loaded(client, documents);
				String latest = "act-%05d".formatted(documents - 1);
				Reads page = reads(server, () -> {
					List<String> ids = activities.find(SEARCH)
						.sort(LATEST_FIRST)
						.limit(20)
						.map((found) -> found.getString("_id"))
						.into(new ArrayList<>());
					assertThat(ids).hasSize(20).startsWith(latest).noneMatch((id) -> id.endsWith("0"));
				});
				Reads count = reads(server,
						() -> assertThat(activities.countDocuments(SEARCH, new CountOptions().limit(1_001)))
							.isEqualTo(1_001));
				return new Work(page, count);
			}
		}
	}

	/**
	 * Activities act-00000 on, one a minute, all holding "hoat", nine in ten "dong", one
	 * in 80 "hiem"; declared as activity-service declares them.
	 */
	private static MongoCollection<Document> loaded(MongoClient client, int documents) {
		MongoCollection<Document> activities = client.getDatabase(DATABASE).getCollection(COLLECTION);
		activities.createIndex(Indexes.ascending("searchTokens"));
		activities.createIndex(Indexes.ascending("details.startsAt", "_id"));
		List<Document> batch = new ArrayList<>();
		for (int n = 0; n < documents; n++) {
			List<String> tokens = new ArrayList<>(List.of("hoat", (n % 10 == 0) ? "gap" : "dong"));
			if (n % 80 == 0) {
				tokens.add("hiem");
			}
			batch.add(
					new Document("_id", "act-%05d".formatted(n))
						.append("details",
								new Document("startsAt", JANUARY.plusSeconds(60L * n)).append("title",
										"Hoạt động xúc tiến đầu tư " + n))
						.append("searchTokens", tokens));
			if (batch.size() == 1_000) {
				activities.insertMany(batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			activities.insertMany(batch);
		}
		return activities;
	}

	private static Reads reads(MongoWireServer server, Runnable query) {
		long entries = server.indexEntriesRead(DATABASE, COLLECTION);
		long examined = server.documentsExamined(DATABASE, COLLECTION);
		query.run();
		return new Reads(server.indexEntriesRead(DATABASE, COLLECTION) - entries,
				server.documentsExamined(DATABASE, COLLECTION) - examined);
	}

	/** What one query read: index entries, and documents matched against its filter. */
	private record Reads(long indexEntries, long documentsExamined) {

	}

	/** What the page and the bounded count read. */
	private record Work(Reads page, Reads count) {

	}

}
