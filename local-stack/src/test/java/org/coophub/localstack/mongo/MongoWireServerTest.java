package org.coophub.localstack.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MongoWireServerTest {

	private static final String VIETNAMESE = "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng";

	@Test
	void answersHelloLikeARealPrimary() {
		try (MongoWireServer server = MongoWireServer.inMemory(0).start();
				MongoClient client = MongoClients.create(server.connectionString())) {
			Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));

			assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
			assertThat(hello.getBoolean("helloOk")).isTrue();
			assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
			assertThat(hello.getInteger("maxWireVersion")).isGreaterThanOrEqualTo(8);
		}
	}

	@Test
	void roundTripsVietnameseTextInMemory() {
		try (MongoWireServer server = MongoWireServer.inMemory(0).start();
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> organizations = client.getDatabase("agreements").getCollection("organizations");
			organizations.insertOne(new Document("_id", "BQL-LD").append("name", VIETNAMESE));

			assertThat(organizations.find(Filters.eq("_id", "BQL-LD")).first()).containsEntry("name", VIETNAMESE);
		}
	}

	@Test
	void keepsDataInTheH2FileAcrossARestart(@TempDir Path directory) {
		MongoWireServer server = MongoWireServer.persistent(directory, 0).start();
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			client.getDatabase("agreements")
				.getCollection("organizations")
				.insertOne(new Document("_id", "BQL-LD").append("name", VIETNAMESE));
		}
		server.stop();

		server.start();
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			Document found = client.getDatabase("agreements").getCollection("organizations").find().first();
			assertThat(found).containsEntry("name", VIETNAMESE);
			assertThat(client.getDatabase("admin").runCommand(new Document("hello", 1)).getBoolean("isWritablePrimary"))
				.isTrue();
		}
		finally {
			server.stop();
		}
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void matchesFiltersPinningAnId(Backend backend, @TempDir Path directory) {
		try (MongoWireServer server = backend.start(directory)) {
			assertFiltersPinningAnIdMatchLikeMongoDb(server);
		}
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void claimsABatchByItsIdsWithoutScanning(Backend backend, @TempDir Path directory) {
		try (MongoWireServer server = backend.start(directory)) {
			assertABatchIsClaimedByItsIds(server);
		}
	}

	/**
	 * notification-service's dispatcher: one update of a batch's ids still due, then one
	 * read of what its token won; both examine the listed documents only.
	 */
	private static void assertABatchIsClaimedByItsIds(MongoWireServer server) {
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> ledger = client.getDatabase("notifications").getCollection("ledger");
			for (int i = 0; i < 200; i++) {
				ledger.insertOne(new Document("_id", "n-" + i).append("status", (i == 4) ? "SENT" : "PLANNED"));
			}
			List<String> batch = List.of("n-3", "n-4", "n-5", "missing");
			long before = server.documentsExamined("notifications", "ledger");

			// the shape Spring Data writes for where("_id").in(ids).andOperator(due)
			Document due = new Document("_id", new Document("$in", batch)).append("$and",
					List.of(new Document("status", "PLANNED")));
			long claimed = ledger
				.updateMany(due, Updates.combine(Updates.set("status", "SENDING"), Updates.set("claim", "token-1")))
				.getMatchedCount();
			List<String> won = ledger.find(Filters.and(Filters.in("_id", batch), Filters.eq("claim", "token-1")))
				.map((found) -> found.getString("_id"))
				.into(new ArrayList<>());

			assertThat(claimed).isEqualTo(2);
			assertThat(won).containsExactlyInAnyOrder("n-3", "n-5");
			assertThat(server.documentsExamined("notifications", "ledger") - before).isLessThanOrEqualTo(6);
			assertThat(ledger.countDocuments(Filters.eq("status", "SENDING"))).isEqualTo(2);
		}
	}

	/** The shapes the services use: claims, versioned upserts, optimistic locks. */
	private static void assertFiltersPinningAnIdMatchLikeMongoDb(MongoWireServer server) {
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> ledger = client.getDatabase("notifications").getCollection("ledger");
			for (int i = 0; i < 50; i++) {
				ledger.insertOne(new Document("_id", "n-" + i).append("status", "PLANNED").append("version", 5L));
			}

			assertThat(ledger.find(new Document("_id", "n-7").append("status", "PLANNED")).first()).containsEntry("_id",
					"n-7");
			assertThat(ledger.find(new Document("_id", "n-7").append("status", "SENT")).first()).isNull();
			assertThat(ledger.find(Filters.and(Filters.eq("_id", "n-8"), Filters.lt("version", 6L))).first())
				.containsEntry("_id", "n-8");
			assertThat(ledger.find(Filters.and(Filters.eq("_id", "n-8"), Filters.lt("version", 5L))).first()).isNull();

			Document claim = new Document("_id", "n-9").append("status", "PLANNED");
			assertThat(ledger.findOneAndUpdate(claim, Updates.set("status", "SENDING"))).isNotNull();
			assertThat(ledger.findOneAndUpdate(claim, Updates.set("status", "SENDING"))).isNull();

			Document older = new Document("_id", "n-10").append("status", "PLANNED").append("version", 4L);
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> ledger.replaceOne(Filters.and(Filters.eq("_id", "n-10"), Filters.lt("version", 4L)),
						older, new ReplaceOptions().upsert(true)))
				.satisfies((ex) -> assertThat(ex.getError().getCode()).isEqualTo(11000));
			Document newer = new Document("_id", "n-10").append("status", "SENT").append("version", 6L);
			ledger.replaceOne(Filters.and(Filters.eq("_id", "n-10"), Filters.lt("version", 6L)), newer,
					new ReplaceOptions().upsert(true));
			ledger.replaceOne(Filters.and(Filters.eq("_id", "n-new"), Filters.lt("version", 1L)),
					new Document("_id", "n-new").append("version", 1L), new ReplaceOptions().upsert(true));

			assertThat(ledger.find(Filters.in("_id", List.of("n-1", "n-2", "n-2", "missing", "n-49"))))
				.extracting((found) -> found.getString("_id"))
				.containsExactlyInAnyOrder("n-1", "n-2", "n-49");
			assertThat(ledger
				.find(Filters.and(Filters.in("_id", List.of("n-9", "n-11")), Filters.eq("status", "SENDING"))))
				.extracting((found) -> found.getString("_id"))
				.containsExactly("n-9");
			assertThat(ledger.find(Filters.eq("_id", "n-10")).first()).containsEntry("status", "SENT");
			assertThat(ledger.countDocuments()).isEqualTo(51);
			assertThat(ledger.countDocuments(Filters.eq("status", "PLANNED"))).isEqualTo(48);
		}
	}

}
