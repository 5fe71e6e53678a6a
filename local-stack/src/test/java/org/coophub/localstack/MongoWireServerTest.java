package org.coophub.localstack;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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

}
