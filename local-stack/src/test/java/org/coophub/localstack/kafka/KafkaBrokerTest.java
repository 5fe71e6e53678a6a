package org.coophub.localstack.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaBrokerTest {

	@TempDir
	static Path dataDirectory;

	static KafkaBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = KafkaBroker.onFreePorts(dataDirectory.resolve("kafka")).start();
	}

	@AfterAll
	static void stopBroker() {
		broker.stop();
	}

	@Test
	void recordsSentWithAcksAllAreConsumedAndSurviveARestart() throws Exception {
		String topic = "round-trip-" + UUID.randomUUID();
		createTopic(topic, 3);
		send(topic, "agreement-1", "{\"title\":\"Chương trình hợp tác Lâm Đồng – TP.HCM\"}");

		assertThat(consumeAll(topic, 1)).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("agreement-1");
			assertThat(record.value()).contains("Chương trình hợp tác Lâm Đồng – TP.HCM");
		});

		broker.stop();
		broker.start();

		send(topic, "agreement-2", "sau khi khởi động lại");
		assertThat(consumeAll(topic, 2)).extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder("agreement-1", "agreement-2");
	}

	@Test
	void topicsAreNeverCreatedImplicitly() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			ConfigResource brokerConfig = new ConfigResource(ConfigResource.Type.BROKER, "1");
			Map<String, String> config = admin.describeConfigs(Set.of(brokerConfig))
				.all()
				.get()
				.get(brokerConfig)
				.entries()
				.stream()
				.collect(Collectors.toMap(ConfigEntry::name, (entry) -> String.valueOf(entry.value())));
			assertThat(config).containsEntry("auto.create.topics.enable", "false").containsEntry("num.partitions", "3");
		}
	}

	private void createTopic(String topic, int partitions) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
		}
	}

	private void send(String topic, String key, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	private List<ConsumerRecord<String, String>> consumeAll(String topic, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= expected;
			});
		}
		return records;
	}

}
