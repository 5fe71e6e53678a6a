package org.coophub.localstack.mail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SmtpCaptureTest {

	private static final String SUBJECT = "Nhắc lịch: Sơ kết Chương trình hợp tác Lâm Đồng – TP.HCM ngày 06/11";

	private static final String CALENDAR = """
			BEGIN:VCALENDAR\r
			VERSION:2.0\r
			METHOD:REQUEST\r
			BEGIN:VEVENT\r
			SUMMARY:Sơ kết chương trình hợp tác\r
			DTSTART;VALUE=DATE:20251106\r
			END:VEVENT\r
			END:VCALENDAR\r
			""";

	static SmtpCapture smtp;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void start() {
		smtp = SmtpCapture.onFreePorts().start();
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@BeforeEach
	void clear() throws Exception {
		HttpResponse<Void> deleted = this.http.send(
				HttpRequest.newBuilder(URI.create(smtp.viewerUrl() + "api/messages")).DELETE().build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(deleted.statusCode()).isEqualTo(204);
	}

	@Test
	void decodesAVietnameseMailWithACalendarInvitation() throws Exception {
		sendInvitation("xuctiendautu@bqlkcn-lamdong.example", "vanphong@hepza-hcm.example");

		JsonNode messages = await().atMost(Duration.ofSeconds(10))
			.until(this::messagesJson, (array) -> array.size() == 1);
		JsonNode mail = messages.get(0);
		assertThat(mail.get("subject").asText()).isEqualTo(SUBJECT);
		assertThat(mail.get("from").asText()).isEqualTo("noreply@coophub.example");
		assertThat(mail.get("fromName").asText()).isEqualTo("Cooperation Hub – Hệ thống hợp tác");
		assertThat(mail.get("to")).extracting(JsonNode::asText).containsExactly("xuctiendautu@bqlkcn-lamdong.example");
		assertThat(mail.get("recipients")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("xuctiendautu@bqlkcn-lamdong.example", "vanphong@hepza-hcm.example");
		assertThat(mail.get("text").asText()).contains("Kính gửi Phòng Xúc tiến Đầu tư");
		assertThat(mail.get("html").asText()).contains("<b>06/11/2025</b>");
		JsonNode calendar = mail.get("attachments").get(0);
		assertThat(calendar.get("filename").asText()).isEqualTo("sơ-kết.ics");
		assertThat(calendar.get("contentType").asText()).isEqualTo("text/calendar");
		assertThat(calendar.get("content").asText()).contains("SUMMARY:Sơ kết chương trình hợp tác");
		assertThat(mail.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

		assertThat(smtp.messagesTo("vanphong@hepza-hcm.example")).singleElement()
			.satisfies((captured) -> assertThat(captured.attachment("text/calendar").content())
				.contains("METHOD:REQUEST"));
	}

	@Test
	void showsMailToAPersonWithEveryTextEscaped() throws Exception {
		sendInvitation("xuctiendautu@bqlkcn-lamdong.example", "vanphong@hepza-hcm.example");
		await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messages().size() == 1);

		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(URI.create(smtp.viewerUrl())).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
		assertThat(page.body()).contains(Html.escape(SUBJECT))
			.contains("&lt;b&gt;06/11/2025&lt;/b&gt;")
			.doesNotContain("<b>06/11/2025</b>");
	}

	private JsonNode messagesJson() throws Exception {
		HttpResponse<byte[]> response = this.http.send(
				HttpRequest.newBuilder(URI.create(smtp.viewerUrl() + "api/messages")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
		return this.json.readTree(response.body());
	}

	private void sendInvitation(String to, String bcc) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", smtp.smtpHost());
		properties.put("mail.smtp.port", String.valueOf(smtp.smtpPort()));
		Session session = Session.getInstance(properties);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("noreply@coophub.example", "Cooperation Hub – Hệ thống hợp tác", "UTF-8"));
		message.setRecipient(RecipientType.TO, new InternetAddress(to));
		message.setRecipient(RecipientType.BCC, new InternetAddress(bcc));
		message.setSubject(SUBJECT, "UTF-8");

		MimeBodyPart text = new MimeBodyPart();
		text.setText("Kính gửi Phòng Xúc tiến Đầu tư,\nbuổi sơ kết sẽ diễn ra ngày 06/11/2025.", "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setText("<p>Buổi sơ kết: <b>06/11/2025</b></p>", "UTF-8", "html");
		MimeMultipart alternative = new MimeMultipart("alternative", text, html);
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternative);

		MimeBodyPart invitation = new MimeBodyPart();
		invitation.setDataHandler(new DataHandler(new ByteArrayDataSource(CALENDAR.getBytes(StandardCharsets.UTF_8),
				"text/calendar; charset=UTF-8; method=REQUEST")));
		invitation.setFileName("sơ-kết.ics");
		invitation.setHeader("Content-Transfer-Encoding", "base64");

		message.setContent(new MimeMultipart(body, invitation));
		Transport.send(message);
	}

}
