package org.coophub.localstack.mongo;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' access paths on the embedded server: each examines only the documents its
 * index leads to, and finds what a scan of an unindexed copy finds.
 */
class ServiceAccessPathsTest {

	static List<ServiceAccessPaths> paths() {
		return ServiceAccessPaths.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("paths")
	void examinesOnlyTheIndexCandidates(ServiceAccessPaths path) {
		try (MongoWireServer server = MongoWireServer.inMemory(0).start();
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoDatabase indexed = client.getDatabase("indexed");
			MongoCollection<Document> documents = path.load(indexed);
			MongoCollection<Document> copy = client.getDatabase("scanned").getCollection(path.collection());
			copy.insertMany(documents.find().into(new ArrayList<>()));

			long before = server.documentsExamined("indexed", path.collection());
			List<Document> found = path.find(documents).into(new ArrayList<>());

			assertThat(server.documentsExamined("indexed", path.collection()) - before).isEqualTo(path.candidates())
				.isLessThan(ServiceAccessPaths.DOCUMENTS);
			assertThat(found).isNotEmpty().isEqualTo(path.find(copy).into(new ArrayList<>()));
			assertThat(server.documentsExamined("scanned", path.collection())).isEqualTo(ServiceAccessPaths.DOCUMENTS);
		}
	}

}
