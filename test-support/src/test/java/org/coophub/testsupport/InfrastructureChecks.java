package org.coophub.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import org.coophub.localstack.mail.CapturedMail;
import org.springframework.core.env.Environment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Uses Kafka, MongoDB and SMTP through nothing but the properties a context received, as
 * a service would.
 */
final class InfrastructureChecks {

	private static final String VIETNAMESE = "Sơ kết Chương trình hợp tác Lâm Đồng – TP.HCM";

	private final Environment environment;

	InfrastructureChecks(Environment environment) {
		this.environment = environment;
	}

	void kafkaCarriesACloudEvent() throws Exception {
		String bootstrapServers = this.environment.getRequiredProperty("spring.kafka.bootstrap-servers");
		String topic = "probe-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
		}
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "agreement-41", "{\"before\":true}")).get();
			try (TopicProbe everything = TopicProbe.subscribe(topic);
					TopicProbe fromNowOn = TopicProbe.fromLatest(topic)) {
				ProducerRecord<String, String> event = new ProducerRecord<>(topic, "agreement-42",
						"{\"title\":\"" + VIETNAMESE + "\"}");
				event.headers()
					.add("ce_type", "org.coophub.activity.recorded.v1".getBytes(UTF_8))
					.add("ce_subject", "activity-7".getBytes(UTF_8))
					.add("content-type", "application/json".getBytes(UTF_8));
				producer.send(event).get();

				ConsumerRecord<String, String> received = fromNowOn
					.awaitRecord((record) -> "activity-7".equals(TopicProbe.header(record, "ce_subject")));

				assertThat(received.key()).isEqualTo("agreement-42");
				assertThat(received.value()).contains(VIETNAMESE);
				assertThat(TopicProbe.headers(received)).containsEntry("ce_type", "org.coophub.activity.recorded.v1")
					.containsEntry("content-type", "application/json");
				assertThat(fromNowOn.received()).extracting(ConsumerRecord::key).containsExactly("agreement-42");
				assertThat(everything.awaitRecords((record) -> true, 2)).extracting(ConsumerRecord::key)
					.containsExactlyInAnyOrder("agreement-41", "agreement-42");
			}
		}
	}

	void mongoStoresVietnameseText() {
		String uri = this.environment.getRequiredProperty("spring.mongodb.uri");
		assertThat(uri).matches("mongodb://[^/]+/?");
		try (MongoClient client = MongoClients.create(uri)) {
			assertThat(client.getDatabase("admin").runCommand(new Document("hello", 1)).get("ok", Number.class))
				.isEqualTo(1.0);
			MongoCollection<Document> reviews = client.getDatabase("test-support").getCollection("reviews");
			String id = UUID.randomUUID().toString();
			reviews.insertOne(new Document("_id", id).append("title", VIETNAMESE));
			assertThat(reviews.find(new Document("_id", id)).first()).containsEntry("title", VIETNAMESE);
		}
	}

	void smtpCapturesMail() throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", this.environment.getRequiredProperty("spring.mail.host"));
		properties.put("mail.smtp.port", this.environment.getRequiredProperty("spring.mail.port"));
		String recipient = UUID.randomUUID() + "@bqlkcn-lamdong.example";
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("noreply@coophub.example"));
		message.setRecipient(RecipientType.TO, new InternetAddress(recipient));
		message.setSubject("Nhắc lịch: " + VIETNAMESE, "UTF-8");
		message.setText("Kính gửi Văn phòng Ban Quản lý,", "UTF-8");
		Transport.send(message);

		List<CapturedMail> received = await().atMost(Duration.ofSeconds(10))
			.until(() -> TestInfrastructure.get().mail().messagesTo(recipient), (mails) -> !mails.isEmpty());
		assertThat(received).singleElement().satisfies((mail) -> {
			assertThat(mail.subject()).isEqualTo("Nhắc lịch: " + VIETNAMESE);
			assertThat(mail.text()).isEqualTo("Kính gửi Văn phòng Ban Quản lý,");
		});
	}

}
