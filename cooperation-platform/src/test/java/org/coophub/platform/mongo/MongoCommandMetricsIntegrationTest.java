package org.coophub.platform.mongo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every MongoDB command a service sends is counted by command name, and the count is
 * readable at {@code /actuator/prometheus} and {@code /actuator/metrics}: the benchmark
 * divides these counts by the activities of a pipeline step (docs/performance.md). The
 * counting is Spring Boot's own ({@code MongoMetricsAutoConfiguration} registers
 * Micrometer's {@code MongoMetricsCommandListener}, timer {@code mongodb.driver.commands}
 * tagged {@code command}); this test keeps the platform from losing it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=mongo-metrics-test", "spring.mongodb.database=mongo-metrics-test" })
@WithInfrastructure
class MongoCommandMetricsIntegrationTest {

	private static final String COLLECTION = "counted";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void eachCommandIsCountedByItsNameOnThePrometheusEndpoint() {
		long insertsBefore = count(prometheus(), "insert");
		long findsBefore = count(prometheus(), "find");

		this.mongo.insert(new Document("name", "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng"), COLLECTION);
		this.mongo.insert(new Document("name", "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM"), COLLECTION);
		// one insertMany is one command, however many documents it carries
		this.mongo.insert(List.of(new Document("n", 1), new Document("n", 2), new Document("n", 3)), COLLECTION);
		this.mongo.find(new Query(Criteria.where("n").is(2)), Document.class, COLLECTION);

		String after = prometheus();
		assertThat(count(after, "insert") - insertsBefore).isEqualTo(3);
		assertThat(count(after, "find") - findsBefore).isEqualTo(1);
	}

	@Test
	void theMetricsEndpointListsTheCommandsAsATag() {
		this.mongo.insert(new Document("n", 4), COLLECTION);
		String metric = ServiceClients.asAdmin(this.port)
			.get()
			.uri("/actuator/metrics/mongodb.driver.commands?tag=command:insert")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metric).contains("\"statistic\":\"COUNT\"").contains("\"tag\":\"collection\"");
		Matcher count = Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.]+)").matcher(metric);
		assertThat(count.find()).isTrue();
		assertThat(Double.parseDouble(count.group(1))).isGreaterThanOrEqualTo(1);
	}

	private String prometheus() {
		return ServiceClients.asAdmin(this.port)
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The commands of one name sent to this test's collection, summed over the other tags
	 * (status, server).
	 */
	private static long count(String prometheus, String command) {
		long sum = 0;
		for (String line : prometheus.split("\n")) {
			if (line.startsWith("mongodb_driver_commands_seconds_count{")
					&& line.contains("command=\"" + command + "\"")
					&& line.contains("collection=\"" + COLLECTION + "\"")) {
				sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return sum;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class MongoMetricsTestApplication {

	}

}
