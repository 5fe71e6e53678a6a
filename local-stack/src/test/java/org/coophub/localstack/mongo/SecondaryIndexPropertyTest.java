package org.coophub.localstack.mongo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever the documents and the filter, a collection with secondary indexes
 * answers exactly as the same collection without them (a scan). Random documents of mixed
 * kinds (strings, numbers of three types, dates, arrays, sub-documents, nulls, missing
 * fields) go through random inserts, updates, upserts and deletes into both; then random
 * filters (equality, $in, $all, ranges, $ne, $exists, $or, $and, null, regular
 * expressions) must find the same documents in both. Seeded: a failure names its seed.
 */
class SecondaryIndexPropertyTest {

	private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

	private static final List<String> STRINGS = List.of("x0", "x1", "x2", "x3", "Đồng Nai");

	private static final List<String> TOKENS = List.of("p", "q", "r", "s");

	@Test
	void indexedAnswersEqualTheScansInMemory() {
		try (MongoWireServer server = MongoWireServer.inMemory(0).start()) {
			for (long seed = 1; seed <= 6; seed++) {
				assertSameAnswers(server, seed);
			}
		}
	}

	@Test
	void indexedAnswersEqualTheScansInTheH2File(@TempDir Path directory) {
		try (MongoWireServer server = MongoWireServer.persistent(directory, 0).start()) {
			for (long seed = 101; seed <= 103; seed++) {
				assertSameAnswers(server, seed);
			}
		}
	}

	private static void assertSameAnswers(MongoWireServer server, long seed) {
		Random random = new Random(seed);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoDatabase database = client.getDatabase("property" + seed);
			MongoCollection<Document> indexed = database.getCollection("indexed");
			MongoCollection<Document> scanned = database.getCollection("scanned");
			indexed.createIndex(Indexes.ascending("a"));
			indexed.createIndex(Indexes.ascending("n", "a"));
			indexed.createIndex(Indexes.ascending("tags"));
			indexed.createIndex(Indexes.ascending("t"));
			indexed.createIndex(Indexes.ascending("a", "n"));
			indexed.createIndex(Indexes.ascending("tags", "e.s"));
			indexed.createIndex(Indexes.ascending("e.s"));
			for (int i = 0; i < 150; i++) {
				Document document = document(random, "d-" + i);
				indexed.insertOne(document);
				scanned.insertOne(new Document(document));
			}
			for (int i = 0; i < 80; i++) {
				Bson filter = filter(random);
				Bson update = update(random);
				switch (random.nextInt(4)) {
					case 0 -> both(indexed, scanned, (collection) -> collection.updateMany(filter, update));
					case 1 -> {
						// an upsert without an _id would get a random one in each
						// collection
						Bson pinned = Filters.and(Filters.eq("_id", "u-" + i), filter);
						both(indexed, scanned,
								(collection) -> collection.updateOne(pinned, update, new UpdateOptions().upsert(true)));
					}
					case 2 -> both(indexed, scanned, (collection) -> collection.deleteOne(filter));
					default -> {
						Document replacement = document(random, "r-" + i);
						replacement.remove("_id");
						Bson replaced = Filters.eq("_id", "d-" + random.nextInt(150));
						both(indexed, scanned, (collection) -> collection.replaceOne(replaced, replacement,
								new ReplaceOptions().upsert(true)));
					}
				}
			}
			for (int i = 0; i < 300; i++) {
				Bson filter = filter(random);
				assertThat(indexed.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>()))
					.as("seed %d, filter %s", seed, filter)
					.isEqualTo(scanned.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>()));
				assertThat(indexed.countDocuments(filter)).as("seed %d, count of %s", seed, filter)
					.isEqualTo(scanned.countDocuments(filter));
				Bson sort = Sorts.orderBy(Sorts.descending("n"), Sorts.ascending("_id"));
				assertThat(indexed.find(filter).sort(sort).limit(7).into(new ArrayList<>()))
					.as("seed %d, filter %s, sorted and limited", seed, filter)
					.isEqualTo(scanned.find(filter).sort(sort).limit(7).into(new ArrayList<>()));
			}
			for (int i = 0; i < 60; i++) {
				// a range on the one field that never holds an array, sorted by it and
				// paged:
				// the index is walked in order and the walk stops early
				Bson filter = Filters.and(
						random.nextBoolean() ? Filters.gte("t", date(random)) : Filters.lt("t", date(random)),
						condition(random));
				Bson sort = random.nextBoolean() ? Sorts.ascending("t")
						: Sorts.orderBy(Sorts.descending("t"), Sorts.descending("_id"));
				int skip = random.nextInt(4);
				int limit = 1 + random.nextInt(8);
				assertThat(indexed.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>()))
					.as("seed %d, filter %s sorted by %s, skip %d, limit %d", seed, filter, sort, skip, limit)
					.isEqualTo(scanned.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>()));
			}
		}
	}

	/** Applies a write to both collections, or neither when it fails on the first. */
	private static void both(MongoCollection<Document> indexed, MongoCollection<Document> scanned,
			Function<MongoCollection<Document>, Object> write) {
		try {
			write.apply(indexed);
		}
		catch (RuntimeException ex) {
			// e.g. an upsert that cannot derive a document: the scan must fail alike
			try {
				write.apply(scanned);
			}
			catch (RuntimeException expected) {
				return;
			}
			throw new AssertionError("only the indexed collection refused a write", ex);
		}
		write.apply(scanned);
	}

	private static Document document(Random random, String id) {
		Document document = new Document("_id", id);
		putMaybe(random, document, "a", () -> stringish(random));
		putMaybe(random, document, "n", () -> number(random));
		putMaybe(random, document, "t", () -> date(random));
		putMaybe(random, document, "tags", () -> tags(random));
		putMaybe(random, document, "e", () -> sub(random));
		return document;
	}

	private static void putMaybe(Random random, Document document, String field, Supplier<Object> value) {
		if (random.nextInt(6) != 0) {
			document.append(field, value.get());
		}
	}

	private static Object stringish(Random random) {
		return switch (random.nextInt(12)) {
			case 0 -> null;
			case 1 -> random.nextInt(3);
			case 2 -> List.of(pick(random, STRINGS), pick(random, STRINGS));
			case 3 -> new Document("x", pick(random, STRINGS));
			default -> pick(random, STRINGS);
		};
	}

	private static Object number(Random random) {
		int value = random.nextInt(10);
		return switch (random.nextInt(9)) {
			case 0 -> (long) value;
			case 1 -> value + 0.5;
			case 2 -> (double) value;
			case 3 -> String.valueOf(value);
			case 4 -> List.of(value, random.nextInt(10));
			case 5 -> null;
			default -> value;
		};
	}

	private static Object date(Random random) {
		return (random.nextInt(10) == 0) ? "2026-01-01" : Date.from(BASE.plusSeconds(3600L * random.nextInt(20)));
	}

	private static Object tags(Random random) {
		if (random.nextInt(8) == 0) {
			return pick(random, TOKENS);
		}
		List<String> tags = new ArrayList<>();
		int size = random.nextInt(4);
		for (int i = 0; i < size; i++) {
			tags.add(pick(random, TOKENS));
		}
		return tags;
	}

	private static Object sub(Random random) {
		if (random.nextInt(4) == 0) {
			return List.of(new Document("s", pick(random, STRINGS)), new Document("s", pick(random, STRINGS)));
		}
		return new Document("s", pick(random, STRINGS));
	}

	private static Bson filter(Random random) {
		int conditions = 1 + random.nextInt(3);
		List<Bson> parts = new ArrayList<>();
		for (int i = 0; i < conditions; i++) {
			parts.add(condition(random));
		}
		if (parts.size() == 1) {
			return parts.get(0);
		}
		return random.nextBoolean() ? Filters.and(parts) : new Document("$and", parts);
	}

	private static Bson condition(Random random) {
		String field = pick(random, List.of("a", "n", "t", "tags", "e.s", "_id"));
		Object value = value(random, field);
		return switch (random.nextInt(14)) {
			case 0, 1, 2 -> Filters.eq(field, value);
			case 3 -> Filters.in(field, value, value(random, field), value(random, field));
			case 4 -> Filters.all(field, value, value(random, field));
			case 5 -> Filters.gt(field, value);
			case 6 -> Filters.lte(field, value);
			case 7 -> Filters.and(Filters.gte(field, value), Filters.lt(field, value(random, field)));
			case 8 -> new Document(field, new Document("$gt", value).append("$lte", value(random, field)));
			case 9 -> Filters.ne(field, value);
			case 10 -> Filters.exists(field, random.nextBoolean());
			case 11 -> Filters.or(Filters.eq(field, value), Filters.eq("a", pick(random, STRINGS)));
			case 12 -> Filters.eq(field, null);
			default -> Filters.regex(field, "^x[01]");
		};
	}

	private static Object value(Random random, String field) {
		return switch (field) {
			case "n" -> (random.nextInt(6) == 0) ? pick(random, STRINGS) : number(random);
			case "t" -> date(random);
			case "tags" -> pick(random, TOKENS);
			case "_id" -> "d-" + random.nextInt(150);
			default -> (random.nextInt(8) == 0) ? random.nextInt(3) : pick(random, STRINGS);
		};
	}

	private static Bson update(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> Updates.set("a", stringish(random));
			case 1 -> Updates.set("n", number(random));
			case 2 -> Updates.unset("tags");
			case 3 -> Updates.addToSet("tags", pick(random, TOKENS));
			default -> Updates.set("e", sub(random));
		};
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
