package org.coophub.activity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Input limits and hardening of activity-service (docs/security.md): the CSV export
 * neutralises formulas and re-imports unchanged, imports are bounded in size and rows and
 * list at most 100 errors, stored text is plain text, query parameters hold no control
 * characters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "coophub.import.max-rows=200", "coophub.web.max-upload=64KB", "coophub.web.max-body=16KB" })
@WithInfrastructure
class CsvAndTextHardeningIntegrationTest {

	static final String HEADER = "agreementId,type,titleVi,startsAt,endsAt,hostOrganizationId,"
			+ "participantOrganizationIds,status\n";

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	RestTestClient http;

	String agreementId;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		this.agreementId = UUID.randomUUID().toString();
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 2,
				ActivityRecordingIntegrationTest.agreement(this.agreementId, AgreementStatus.ACTIVE)));
		await().until(() -> this.mongo.findById(this.agreementId, org.bson.Document.class, "known_agreements") != null);
	}

	@Test
	void formulaLedCellsAreExportedAsTextAndReimportUnchanged() {
		Map<String, String> descriptions = Map.of("=HYPERLINK(\"x\")", "=1+1", "@SUM(A1)", "@SUM(A1)", "+1", "+1", "-1",
				"-1", "Hội nghị xúc tiến đầu tư Lâm Đồng – TP.HCM", "\tmở đầu bằng tab", "'=đã có dấu nháy",
				"\rmở đầu bằng CR");
		descriptions.forEach((title, description) -> assertThat(record(title, description)).isEqualTo(201));

		String first = export();

		List<List<String>> rows = records(first);
		Map<String, String> titleCells = rows.stream().collect(Collectors.toMap((r) -> r.get(2), (r) -> r.get(4)));
		assertThat(titleCells).containsOnlyKeys("'=HYPERLINK(\"x\")", "'@SUM(A1)", "'+1", "'-1",
				"Hội nghị xúc tiến đầu tư Lâm Đồng – TP.HCM", "''=đã có dấu nháy");
		assertThat(titleCells.values()).containsExactlyInAnyOrder("'=1+1", "'@SUM(A1)", "'+1", "'-1",
				"'\tmở đầu bằng tab", "'\rmở đầu bằng CR");
		assertThat(first).doesNotContain(",=").doesNotContain(",@").doesNotContain(",+").doesNotContain(",-1");

		assertThat(importCsv(first.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);

		JsonNode all = getJson("/api/v1/activities?agreementId=" + this.agreementId + "&size=50");
		List<String> stored = new ArrayList<>();
		all.get("content")
			.forEach((a) -> stored.add(a.at("/title/vi").asString() + "|" + a.get("description").asString()));
		List<String> expected = new ArrayList<>();
		descriptions.forEach((title, description) -> expected.add(title + "|" + description));
		expected.addAll(List.copyOf(expected));
		assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void aFileWithTooManyRowsIsRefusedBeforeAnyRowIsChecked() {
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 0; i < 201; i++) {
			file.append(row("Trao đổi số " + i));
		}

		Result result = importCsv(file.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(result.status()).isEqualTo(422);
		assertThat(result.body().get("detail").asString()).contains("more than 200 rows");
		assertThat(stored()).isZero();
	}

	@Test
	void aRejectedImportListsTheFirstHundredErrorsAndCountsThemAll() {
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 0; i < 150; i++) {
			file.append(row("Ngày sai " + i).replace("2012-05-18T08:00:00", "31/02/2012"));
		}

		Result result = importCsv(file.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(result.status()).isEqualTo(422);
		assertThat(result.body().get("errors")).hasSize(100);
		assertThat(result.body().get("errorCount").asInt()).isEqualTo(150);
		assertThat(result.body().get("detail").asString()).contains("150 problems").contains("first 100");
		assertThat(stored()).isZero();
	}

	@Test
	void anUploadOverTheLimitIs413() {
		StringBuilder file = new StringBuilder(HEADER);
		while (file.length() < 70 * 1024) {
			file.append(row("Trao đổi thông tin"));
		}

		Result result = importCsv(file.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(result.status()).isEqualTo(413);
		assertThat(stored()).isZero();
	}

	@Test
	void aFileSentAsAFormOrAsAWorkbookHasTheUploadLimitNotTheBodyLimit() {
		StringBuilder file = new StringBuilder(HEADER);
		while (file.length() < 32 * 1024) {
			file.append(row("Trao đổi thông tin"));
		}
		byte[] overBodyLimit = file.toString().getBytes(StandardCharsets.UTF_8);
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("file", overBodyLimit).filename("hoat-dong.csv").contentType(MediaType.parseMediaType("text/csv"));

		int formStatus = this.http.post()
			.uri("/api/v1/imports/activities/preview")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form.build())
			.exchange()
			.returnResult()
			.getStatus()
			.value();
		int workbookStatus = this.http.post()
			.uri("/api/v1/imports/activities/preview")
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(new byte[20 * 1024])
			.exchange()
			.returnResult()
			.getStatus()
			.value();

		assertThat(formStatus).as("read (its rows judged), not refused as too large").isNotEqualTo(413);
		assertThat(workbookStatus).as("read as a workbook, refused as unreadable, not as too large").isEqualTo(400);
	}

	@Test
	void aFormUploadSentWithoutALengthReachesTheImportAsAGatewayRelaysIt() throws Exception {
		String boundary = "coophub-" + UUID.randomUUID();
		byte[] form = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hoat-dong.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + HEADER + row("Trao đổi thông tin") + "\r\n--" + boundary
				+ "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		HttpRequest chunked = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/imports/activities/preview"))
			.header("Authorization", "Bearer " + TestInfrastructure.get().identity().admin())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form)))
			.build();

		HttpResponse<String> preview = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

		assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
		assertThat(preview.body()).contains("Trao đổi thông tin");
	}

	@Test
	void controlCharactersAndBidiOverridesInStoredTextAre400NamingTheField() {
		Map<String, String> bad = Map.of("title.vi", body("Báo cáo\u202Egpj.exe", null), "description",
				body("Hội nghị", "mô tả\u0000"), "title.en",
				body("Hội nghị", null).replace("\"en\":null", "\"en\":\"\\u2066x\\u2069\""));
		bad.forEach((field, json) -> {
			Result result = post(json);
			assertThat(result.status()).as(field).isEqualTo(400);
			assertThat(result.body().findValuesAsString("field")).as(field).contains(field);
		});
		String csv = HEADER + row("Tiêu đề\u0007chuông");
		Result imported = importCsv(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).isEqualTo(422);
		assertThat(imported.body().at("/errors/0/column").asString()).isEqualTo("titleVi");
		assertThat(stored()).isZero();

		assertThat(post(body("Hội nghị", "dòng 1\n\tdòng 2")).status()).isEqualTo(201);
	}

	@Test
	void aControlCharacterInTheSearchIs400NamingQ() {
		var result = this.http.get()
			.uri("/api/v1/activities?agreementId={id}&q={q}", this.agreementId, "hội\u0000nghị")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult();
		assertThat(this.json.readTree(result.getResponseBody()).at("/errors/0/field").asString()).isEqualTo("q");
	}

	private int record(String title, String description) {
		return post(body(title, description)).status();
	}

	private String body(String title, String description) {
		Map<String, Object> input = new java.util.LinkedHashMap<>();
		input.put("agreementId", this.agreementId);
		input.put("type", "INVESTMENT_PROMOTION_CONFERENCE");
		Map<String, Object> text = new java.util.LinkedHashMap<>();
		text.put("vi", title);
		text.put("en", null);
		input.put("title", text);
		input.put("description", description);
		input.put("startsAt", "2012-05-18T08:00:00");
		input.put("endsAt", "2012-05-18T17:00:00");
		input.put("hostOrganizationId", ActivityRecordingIntegrationTest.HCM);
		input.put("participantOrganizationIds", List.of(ActivityRecordingIntegrationTest.LD));
		input.put("status", "COMPLETED");
		return this.json.writeValueAsString(input);
	}

	private Result post(String body) {
		var result = this.http.post()
			.uri("/api/v1/activities")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectBody()
			.returnResult();
		return new Result(result.getStatus().value(), this.json.readTree(result.getResponseBody()));
	}

	private String row(String title) {
		return String.join(",", this.agreementId, "INFORMATION_EXCHANGE", title, "2012-05-18T08:00:00",
				"2012-05-18T17:00:00", ActivityRecordingIntegrationTest.HCM, ActivityRecordingIntegrationTest.LD,
				"COMPLETED") + "\n";
	}

	private static List<List<String>> records(String csv) {
		try (CSVParser parser = CSVParser.parse(csv, CSVFormat.DEFAULT)) {
			List<List<String>> records = new ArrayList<>(parser.getRecords().stream().map(CSVRecord::toList).toList());
			records.remove(0);
			return records;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private long stored() {
		return this.mongo.count(Query.query(Criteria.where("agreementId").is(this.agreementId)), "activities");
	}

	private String export() {
		return new String(this.http.get()
			.uri("/api/v1/activities:export?agreementId={id}", this.agreementId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);
	}

	private JsonNode getJson(String uri) {
		return this.json.readTree(this.http.get().uri(uri).exchange().expectBody().returnResult().getResponseBody());
	}

	private Result importCsv(byte[] file) {
		var result = this.http.post()
			.uri("/api/v1/activities:import")
			.contentType(MediaType.parseMediaType("text/csv"))
			.body(file)
			.exchange()
			.expectBody()
			.returnResult();
		return new Result(result.getStatus().value(), this.json.readTree(result.getResponseBody()));
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	record Result(int status, JsonNode body) {
	}

}
