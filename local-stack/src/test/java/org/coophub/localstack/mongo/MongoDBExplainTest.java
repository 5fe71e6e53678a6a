package org.coophub.localstack.mongo;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries the embedded server answers from its secondary indexes are index scans on
 * real MongoDB too: its {@code explain} shows an IXSCAN and no COLLSCAN, so the services
 * never depend on the embedded server's indexes. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoDBExplainTest {

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8");

	private static MongoClient client;

	@BeforeAll
	static void connect() {
		client = MongoClients.create(mongo.getConnectionString());
	}

	@AfterAll
	static void disconnect() {
		client.close();
	}

	static List<ServiceAccessPaths> paths() {
		return ServiceAccessPaths.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("paths")
	void isAnIndexScan(ServiceAccessPaths path) {
		MongoDatabase database = client.getDatabase("explain");
		database.getCollection(path.collection()).drop();
		MongoCollection<Document> documents = path.load(database);

		Document explain = path.find(documents).explain();
		List<String> stages = new ArrayList<>();
		collectStages(explain.get("queryPlanner", Document.class).get("winningPlan"), stages);

		assertThat(stages).as("winning plan of %s: %s", path, explain.toJson())
			.contains("IXSCAN")
			.doesNotContain("COLLSCAN");
		assertThat(path.find(documents).into(new ArrayList<>())).isNotEmpty();
	}

	/**
	 * The stages of a plan, whatever its nesting (inputStage, inputStages, queryPlan).
	 */
	private static void collectStages(Object plan, List<String> stages) {
		if (plan instanceof Document node) {
			if (node.get("stage") instanceof String stage) {
				stages.add(stage);
			}
			node.values().forEach((child) -> collectStages(child, stages));
		}
		else if (plan instanceof List<?> children) {
			children.forEach((child) -> collectStages(child, stages));
		}
	}

}
