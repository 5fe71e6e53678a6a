package org.coophub.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.HasOutbox;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
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
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CSV import is all or nothing and an export re-imports unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ActivityCsvIntegrationTest {

	static final String VI_HEADER = "Mã chương trình,Loại hoạt động,Tiêu đề tiếng Việt,Bắt đầu,Kết thúc,Đơn vị chủ trì,"
			+ "Đơn vị tham gia,Trạng thái,Nhà đầu tư tham dự,Vốn đăng ký,Đơn vị tiền tệ\n";

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
	void aFileWithVietnameseHeadersAndABomImportsEveryRow() {
		String file = "\uFEFF" + VI_HEADER + row("Hội nghị xúc tiến đầu tư, \"Lâm Đồng\"", "120", "350000000000", "VND")
				+ row("Trao đổi kinh nghiệm ISO 9001", "", "", "");

		Result result = importCsv(file.getBytes(StandardCharsets.UTF_8));

		assertThat(result.status()).isEqualTo(201);
		assertThat(result.body().get("imported").asInt()).isEqualTo(2);
		assertThat(stored()).isEqualTo(2);
		JsonNode found = getJson("/api/v1/activities?agreementId=" + this.agreementId + "&q=lam dong");
		assertThat(found.at("/content/0/title/vi").asString()).isEqualTo("Hội nghị xúc tiến đầu tư, \"Lâm Đồng\"");
		assertThat(found.at("/page/totalElements").asInt()).isEqualTo(1);
	}

	@Test
	void oneBadRowStoresNothingAndEveryErrorIsNamed() {
		String file = VI_HEADER + row("Hội nghị tốt", "120", "1000", "VND") + row("Hội nghị âm", "-5", "1000", "VND")
				+ row("Hội nghị thiếu tiền tệ", "10", "1000", "")
				+ row("Ngày sai", "10", "", "").replace("2012-05-18T08:00:00", "31/02/2012");

		Result result = importCsv(file.getBytes(StandardCharsets.UTF_8));

		assertThat(result.status()).isEqualTo(422);
		assertThat(result.body().findValuesAsString("column")).contains("Nhà đầu tư tham dự", "Đơn vị tiền tệ",
				"Bắt đầu");
		assertThat(result.body().findValues("row").stream().map(JsonNode::asInt)).containsExactlyInAnyOrder(2, 3, 4);
		assertThat(stored()).isZero();
	}

	@Test
	void unreadableFilesAreBadRequests() {
		byte[] utf16 = (VI_HEADER + row("Hội nghị", "1", "", "")).getBytes(StandardCharsets.UTF_16);
		Result notUtf8 = importCsv(utf16);
		assertThat(notUtf8.status()).isEqualTo(400);
		assertThat(notUtf8.body().get("detail").asString()).contains("UTF-8");
		byte[] badQuotes = (VI_HEADER + row("Hội nghị", "1", "", "").replace("Hội nghị", "\"Hội \"nghị\" sai\""))
			.getBytes(StandardCharsets.UTF_8);
		assertThat(importCsv(badQuotes).status()).isEqualTo(400);
		byte[] unknownColumn = "agreementId,colour\nx,y\n".getBytes(StandardCharsets.UTF_8);
		Result unknown = importCsv(unknownColumn);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().get("detail").asString()).contains("colour");
		byte[] shortRow = (VI_HEADER + this.agreementId + ",OTHER\n").getBytes(StandardCharsets.UTF_8);
		assertThat(importCsv(shortRow).status()).isEqualTo(422);
		assertThat(stored()).isZero();
	}

	@Test
	void anExportReimportsUnchanged() {
		importCsv((VI_HEADER + row("Hội nghị xúc tiến đầu tư", "120", "350000000000.50", "VND")
				+ row("Trao đổi biểu mẫu; quy trình \"một cửa\"", "", "", ""))
			.getBytes(StandardCharsets.UTF_8));
		String first = export();

		assertThat(importCsv(first.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);

		List<String> expected = new ArrayList<>(dataLines(first));
		expected.addAll(dataLines(first));
		assertThat(dataLines(export())).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(first).contains("350000000000.50").contains("\"Trao đổi biểu mẫu; quy trình \"\"một cửa\"\"\"");
	}

	@Test
	void whetherPartnersAreNotifiedIsAColumnThatRoundTrips() {
		String header = VI_HEADER.replace("\n", ",Thông báo đối tác\n");
		String file = header + row("Hội nghị năm 2010", "80", "", "").replace("\n", ",Không\n")
				+ row("Hội nghị năm 2026", "90", "", "").replace("\n", ",\n")
				+ row("Hội nghị năm 2027", "95", "", "").replace("\n", ",true\n");

		Result imported = importCsv(file.getBytes(StandardCharsets.UTF_8));

		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
		// a list sorts only by indexed fields (the starts, equal here): by title here
		JsonNode stored = getJson("/api/v1/activities?agreementId=" + this.agreementId);
		assertThat(stored.get("content")
			.valueStream()
			.sorted(java.util.Comparator.comparing((JsonNode a) -> a.at("/title/vi").asString()))
			.map((a) -> a.get("notifyPartners").asBoolean())).containsExactly(false, true, true);
		String first = export();
		assertThat(first.lines().findFirst().orElseThrow()).endsWith(",notifyPartners");
		assertThat(dataLines(first)).filteredOn((line) -> line.contains("2010"))
			.singleElement()
			.satisfies((line) -> assertThat(line).endsWith(",false"));
		assertThat(importCsv(first.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
		List<String> expected = new ArrayList<>(dataLines(first));
		expected.addAll(dataLines(first));
		assertThat(dataLines(export())).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void aNotifyPartnersCellThatIsNeitherYesNorNoNamesItsColumn() {
		String file = VI_HEADER.replace("\n", ",Thông báo đối tác\n")
				+ row("Hội nghị", "80", "", "").replace("\n", ",có lẽ\n");

		Result result = importCsv(file.getBytes(StandardCharsets.UTF_8));

		assertThat(result.status()).isEqualTo(422);
		assertThat(result.body().at("/errors/0/column").asString()).isEqualTo("Thông báo đối tác");
		assertThat(result.body().at("/errors/0/message").asString()).contains("có/không");
		assertThat(stored()).isZero();
	}

	@Test
	void tenThousandRowsImportInOneRequest() {
		StringBuilder file = new StringBuilder(VI_HEADER);
		for (int i = 0; i < 10_000; i++) {
			file.append(row("Trao đổi thông tin số " + i, String.valueOf(i % 50), "", ""));
		}

		Result result = importCsv(file.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(result.status()).isEqualTo(201);
		assertThat(result.body().get("imported").asInt()).isEqualTo(10_000);
		assertThat(stored()).isEqualTo(10_000);
		// every activity.recorded leaves through the outbox; waiting here also keeps the
		// relay's backlog from delaying the events other tests wait for
		await().atMost(Duration.ofMinutes(3))
			.until(() -> this.mongo.count(Query.query(
					Criteria.where("agreementId").is(this.agreementId).and(HasOutbox.OUTBOX_FIELD + ".0").exists(true)),
					"activities") == 0);
	}

	@Test
	void typeSpecificOutcomesRoundTripThroughExportAndReimport() {
		String header = "Mã chương trình,Loại hoạt động,Tiêu đề tiếng Việt,Bắt đầu,Kết thúc,Đơn vị chủ trì,"
				+ "Đơn vị tham gia,Phòng ban tham gia,Trạng thái,Tài liệu,Chủ đề,Số người tham gia,Biên bản,"
				+ "Kế hoạch kỳ tới\n";
		String file = header
				+ outcomeRow("DOCUMENT_SHARING", "Văn phòng",
						"\"Sổ tay chất lượng | ISO 9001:2008 | REGULATION | "
								+ "https://bqlkcn.example/so-tay.pdf\r\nBiểu mẫu đăng ký đầu tư, 2010 | FORM | "
								+ "https://bqlkcn.example/bieu-mau.docx\"",
						"", "", "", "")
				+ outcomeRow("EXPERIENCE_EXCHANGE", "", "", "\"ISO 9001:2008; một cửa\"", "24", "", "")
				+ outcomeRow("ANNUAL_REVIEW", "Văn phòng;Thanh tra", "", "", "", "https://bqlkcn.example/bien-ban.pdf",
						"\"Tiếp tục cung cấp thông tin, số liệu KCN\nLuân phiên tổ chức sơ kết; năm 2013\"");

		Result imported = importCsv(file.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
		String first = export();
		assertThat(importCsv(first.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);

		List<List<String>> once = records(first);
		List<List<String>> twice = new ArrayList<>(once);
		twice.addAll(once);
		assertThat(records(export())).containsExactlyInAnyOrderElementsOf(twice);
		JsonNode sharing = getJson("/api/v1/activities?agreementId=" + this.agreementId + "&type=DOCUMENT_SHARING");
		assertThat(sharing.at("/content/0/outcomes/documents/0/title").asString())
			.isEqualTo("Sổ tay chất lượng | ISO 9001:2008");
		assertThat(sharing.at("/content/0/outcomes/documents/1/kind").asString()).isEqualTo("FORM");
		JsonNode review = getJson("/api/v1/activities?agreementId=" + this.agreementId + "&type=ANNUAL_REVIEW");
		assertThat(review.at("/content/0/outcomes/planItems/1").asString())
			.isEqualTo("Luân phiên tổ chức sơ kết; năm 2013");
		assertThat(review.at("/content/0/participatingDepartments/1").asString()).isEqualTo("Thanh tra");
	}

	@Test
	void outcomesThatDoNotReadOrDoNotBelongToTheTypeNameTheirColumn() {
		String header = "agreementId,type,titleVi,startsAt,endsAt,hostOrganizationId,participantOrganizationIds,"
				+ "participatingDepartments,status,documents,topic,participants,minutesLink,planItems\n";
		String file = header
				+ outcomeRow("DOCUMENT_SHARING", "", "Sổ tay chất lượng | MEMO | https://x.example/a", "", "", "", "")
				+ outcomeRow("INFORMATION_EXCHANGE", "", "Sổ tay | FORM | ftp://x.example/a", "", "", "", "")
				+ outcomeRow("SPORTS_EVENT", "", "", "Bóng đá", "180", "", "")
				+ outcomeRow("ANNUAL_REVIEW", "", "", "", "-4", "", "");

		Result result = importCsv(file.getBytes(StandardCharsets.UTF_8));

		assertThat(result.status()).isEqualTo(422);
		assertThat(result.body()
			.get("errors")
			.valueStream()
			.map((e) -> e.get("row").asInt() + ":" + e.get("column").asString()))
			.contains("1:documents", "2:documents", "3:topic", "4:participants");
		assertThat(result.body().get("errors").get(0).get("message").asString()).contains("title | KIND | link");
		assertThat(stored()).isZero();
	}

	private String outcomeRow(String type, String departments, String documents, String topic, String participants,
			String minutes, String plan) {
		return String.join(",", this.agreementId, type, "Hoạt động " + type, "2012-05-18T08:00:00",
				"2012-05-18T17:00:00", ActivityRecordingIntegrationTest.HCM, ActivityRecordingIntegrationTest.LD,
				departments, "COMPLETED", documents, topic, participants, minutes, plan) + "\n";
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

	private String row(String title, String investors, String capital, String currency) {
		return String.join(",", this.agreementId, "INVESTMENT_PROMOTION_CONFERENCE", quote(title),
				"2012-05-18T08:00:00", "2012-05-18T17:00:00", ActivityRecordingIntegrationTest.HCM,
				ActivityRecordingIntegrationTest.LD, "COMPLETED", investors, capital, currency) + "\n";
	}

	private static String quote(String value) {
		return value.contains("\"Lâm") || value.contains(",") || value.contains("; ")
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private static List<String> dataLines(String csv) {
		List<String> lines = new ArrayList<>(List.of(csv.split("\n")));
		lines.remove(0);
		Collections.sort(lines);
		return lines;
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
			.contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
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
