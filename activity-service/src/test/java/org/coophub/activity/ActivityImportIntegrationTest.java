package org.coophub.activity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A staff member's spreadsheet imports: CSV (commas or semicolons) or XLSX, Vietnamese or
 * English headers, agreements and organizations by code, dates as dd/MM/yyyy; a preview
 * answers every row and stores nothing; the import stores every row or none; the template
 * in either language and format previews without an error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ActivityImportIntegrationTest {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The demo program's codes, which the template's example row names. */
	static final String TEMPLATE_AGREEMENT = "agr-template-ctht-ld-hcm";

	static final String TEMPLATE_LD = "org-template-bql-ld";

	static final String TEMPLATE_HCM = "org-template-bql-hcm";

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	RestTestClient admin;

	String run;

	String agreementId;

	String agreementCode;

	String ld;

	String hcm;

	@BeforeEach
	void setUp() {
		this.admin = ServiceClients.asAdmin(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.agreementId = "agr-import-" + this.run;
		this.agreementCode = "CTHT-" + this.run.toUpperCase();
		this.ld = "org-ld-" + this.run;
		this.hcm = "org-hcm-" + this.run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), this.ld, 1,
				organization(this.ld, "LD-" + this.run, List.of())));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), this.hcm, 1,
				organization(this.hcm, "HCM-" + this.run, List.of())));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 2,
				agreement(this.agreementId, this.agreementCode, this.ld, this.hcm)));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), TEMPLATE_LD, 1,
				organization(TEMPLATE_LD, "BQL-LD", List.of("Phòng Quản lý Đầu tư", "Văn phòng"))));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), TEMPLATE_HCM, 1,
				organization(TEMPLATE_HCM, "BQL-HCM", List.of("Văn phòng"))));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), TEMPLATE_AGREEMENT, 2,
				agreement(TEMPLATE_AGREEMENT, "CTHT-LD-HCM", TEMPLATE_LD, TEMPLATE_HCM)));
		await().until(() -> known("known_agreements", this.agreementId) && known("known_organizations", this.ld)
				&& known("known_organizations", this.hcm) && known("known_agreements", TEMPLATE_AGREEMENT)
				&& known("known_organizations", TEMPLATE_LD) && known("known_organizations", TEMPLATE_HCM));
	}

	@Test
	void aVietnameseSemicolonCsvWithCodesAndDayFirstDatesImports() {
		String file = "\uFEFFMã thỏa thuận;Loại hoạt động;Tiêu đề (VI);Bắt đầu;Kết thúc;Đơn vị chủ trì;"
				+ "Đơn vị tham gia;Trạng thái;Nhà đầu tư tham dự;Vốn đăng ký;Đơn vị tiền tệ\r\n"
				+ this.agreementCode.toLowerCase() + ";Hội nghị xúc tiến đầu tư;"
				+ "\"Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng; tại TP.HCM\";22/04/2010 08:00;22/04/2010 16:30;"
				+ "LD-" + this.run + ";HCM-" + this.run + ";Đã hoàn thành;1.200;120.000.000.000;VND\r\n"
				+ ";;;;;;;;;;\r\n" + this.agreementId + ";TRAINING;Đào tạo ISO 9001;23/04/2010;23/04/2010;HCM-"
				+ this.run + ";;Kế hoạch;;;\r\n";

		Answer preview = send("/api/v1/imports/activities/preview", "text/csv", bytes(file), "vi");
		assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
		assertThat(preview.body().get("errorCount").asInt()).isZero();
		assertThat(preview.body().at("/rows/0/agreementCode").asString()).isEqualTo(this.agreementCode);
		assertThat(preview.body().at("/rows/0/startsAt").asString()).isEqualTo("2010-04-22T08:00:00");
		assertThat(preview.body().at("/rows/1/row").asInt()).as("the empty row still counts").isEqualTo(3);
		assertThat(stored()).as("a preview stores nothing").isZero();

		Answer imported = send("/api/v1/activities:import", "text/csv", bytes(file), "vi");

		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
		assertThat(imported.body().get("imported").asInt()).isEqualTo(2);
		JsonNode conference = activity("INVESTMENT_PROMOTION_CONFERENCE");
		assertThat(conference.at("/title/vi").asString())
			.isEqualTo("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng; tại TP.HCM");
		assertThat(conference.get("agreementId").asString()).isEqualTo(this.agreementId);
		assertThat(conference.get("hostOrganizationId").asString()).isEqualTo(this.ld);
		assertThat(conference.at("/participantOrganizationIds/0").asString()).isEqualTo(this.hcm);
		assertThat(conference.get("startsAt").asString()).startsWith("2010-04-22T08:00");
		assertThat(conference.get("endsAt").asString()).startsWith("2010-04-22T16:30");
		assertThat(conference.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(conference.at("/outcomes/investorsAttending").asInt()).isEqualTo(1200);
		assertThat(new BigDecimal(conference.at("/outcomes/registeredCapital/amount").asString()))
			.isEqualByComparingTo("120000000000");
		JsonNode training = activity("TRAINING");
		assertThat(training.get("status").asString()).isEqualTo("PLANNED");
		assertThat(training.get("endsAt").asString()).as("a date alone ends at the end of the day")
			.startsWith("2010-04-23T23:59");
	}

	@Test
	void anXlsxWithEnglishHeadersImportsThroughAFormUpload() throws IOException {
		byte[] file = workbook(
				List.of("Agreement code", "Type", "Title (VI)", "Title (EN)", "Starts", "Ends", "Host",
						"Participating organizations", "Status", "Registered capital", "Currency", "Notify partners"),
				List.of(this.agreementCode, "Investment promotion conference",
						"Hội nghị xúc tiến đầu tư Lâm Đồng – TP.HCM", "Investment promotion conference",
						LocalDateTime.of(2012, 5, 18, 8, 0), LocalDateTime.of(2012, 5, 18, 17, 0), "HCM-" + this.run,
						"LD-" + this.run, "Completed", new BigDecimal("350000000000"), "VND", Boolean.FALSE));

		Answer preview = upload("/api/v1/imports/activities/preview", file, "hoi-nghi.xlsx", "en");
		assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
		assertThat(preview.body().get("format").asString()).isEqualTo("xlsx");
		assertThat(preview.body().get("validRows").asInt()).isOne();
		assertThat(stored()).isZero();

		Answer imported = upload("/api/v1/activities:import", file, "hoi-nghi.xlsx", "en");

		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
		JsonNode conference = activity("INVESTMENT_PROMOTION_CONFERENCE");
		assertThat(conference.at("/title/vi").asString()).isEqualTo("Hội nghị xúc tiến đầu tư Lâm Đồng – TP.HCM");
		assertThat(conference.get("startsAt").asString()).startsWith("2012-05-18T08:00");
		assertThat(conference.get("notifyPartners").asBoolean()).isFalse();
		assertThat(new BigDecimal(conference.at("/outcomes/registeredCapital/amount").asString()))
			.isEqualByComparingTo("350000000000");
	}

	@Test
	void aBadRowIsListedInThePreviewInTheUsersLanguageAndTheImportStoresNothing() {
		String file = "Agreement code,Type,Title (VI),Starts,Ends,Host\n"
				+ String.join(",", this.agreementCode, "Training", "Đào tạo tốt", "18/05/2012 08:00",
						"18/05/2012 17:00", "HCM-" + this.run)
				+ "\n" + String.join(",", "CTHT-KHONG-CO", "Hội thảo", "Dòng sai", "31/02/2012", "18/05/2012",
						"HCM-" + this.run)
				+ "\n";

		Answer vietnamese = send("/api/v1/imports/activities/preview", "text/csv", bytes(file), "vi-VN,vi;q=0.9");
		assertThat(vietnamese.status()).isEqualTo(200);
		assertThat(vietnamese.body().get("validRows").asInt()).isOne();
		JsonNode bad = vietnamese.body().at("/rows/1");
		assertThat(bad.get("row").asInt()).isEqualTo(2);
		assertThat(bad.get("valid").asBoolean()).isFalse();
		assertThat(bad.get("errors").valueStream().map((e) -> e.get("column").asString()))
			.containsExactly("Agreement code", "Type", "Starts");
		assertThat(bad.at("/errors/0/message").asString()).contains("không có thỏa thuận nào mã 'CTHT-KHONG-CO'");
		assertThat(bad.at("/errors/2/message").asString()).contains("dd/MM/yyyy");
		Answer english = send("/api/v1/imports/activities/preview", "text/csv", bytes(file), "en");
		assertThat(english.body().at("/rows/1/errors/0/message").asString())
			.contains("no agreement has the code or id 'CTHT-KHONG-CO'");

		Answer imported = send("/api/v1/activities:import", "text/csv", bytes(file), "vi");

		assertThat(imported.status()).isEqualTo(422);
		assertThat(imported.contentType()).startsWith("application/problem+json");
		assertThat(imported.body().get("detail").asString()).contains("3 lỗi").contains("không có dòng nào được nhập");
		assertThat(imported.body()
			.get("errors")
			.valueStream()
			.map((e) -> e.get("row").asInt() + ":" + e.get("column").asString()))
			.containsExactly("2:Agreement code", "2:Type", "2:Starts");
		assertThat(stored()).isZero();
	}

	@Test
	void aRuleTheRowBreaksIsNamedInVietnamese() {
		String file = "Mã thỏa thuận,Loại hoạt động,Tiêu đề (VI),Bắt đầu,Kết thúc,Đơn vị chủ trì,Vốn đăng ký,Đơn vị tiền tệ\n"
				+ String.join(",", this.agreementCode, "Đào tạo", "Đào tạo ngoài thời hạn", "18/05/2031", "18/05/2031",
						"HCM-" + this.run, "", "")
				+ "\n" + String.join(",", this.agreementCode, "Hội thao", "Hội thao có vốn", "18/05/2012", "18/05/2012",
						"HCM-" + this.run, "1.000", "EUR")
				+ "\n";

		Answer preview = send("/api/v1/imports/activities/preview", "text/csv", bytes(file), "vi");

		assertThat(preview.body().at("/rows/0/errors/0/column").asString()).isEqualTo("Bắt đầu");
		assertThat(preview.body().at("/rows/0/errors/0/message").asString())
			.isEqualTo("Hoạt động phải diễn ra trong thời hạn của thỏa thuận");
		assertThat(preview.body().at("/rows/1/errors/0/column").asString()).isEqualTo("Đơn vị tiền tệ");
		assertThat(preview.body().at("/rows/1/errors/0/message").asString()).isEqualTo("phải là VND hoặc USD");
		assertThat(stored()).isZero();
	}

	@Test
	void anEditorImportsOnlyForTheirOwnOrganizationAndAViewerNotAtAll() {
		String file = "Agreement code,Type,Title (VI),Starts,Ends,Host,Participating organizations\n" + String.join(",",
				this.agreementCode, "Training", "Đào tạo", "18/05/2012", "18/05/2012", "HCM-" + this.run, "") + "\n";
		String outsiderCode = "DN-" + this.run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), "org-dn-" + this.run, 1,
				organization("org-dn-" + this.run, outsiderCode, List.of())));
		await().until(() -> known("known_organizations", "org-dn-" + this.run));

		Answer outsiderPreview = send(editor(outsiderCode), "/api/v1/imports/activities/preview", "text/csv",
				bytes(file), "en");
		assertThat(outsiderPreview.status()).isEqualTo(200);
		assertThat(outsiderPreview.body().at("/rows/0/errors/0/message").asString()).contains(outsiderCode);
		assertThat(send(editor(outsiderCode), "/api/v1/activities:import", "text/csv", bytes(file), "en").status())
			.isEqualTo(403);
		assertThat(send(viewer(), "/api/v1/imports/activities/preview", "text/csv", bytes(file), "en").status())
			.isEqualTo(403);
		assertThat(stored()).isZero();

		assertThat(send(editor("HCM-" + this.run), "/api/v1/activities:import", "text/csv", bytes(file), "en").status())
			.isEqualTo(201);
		assertThat(stored()).isOne();
	}

	@Test
	void aFormUploadWithoutItsFilePartIsABadRequestNamingFile() {
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("other", "x");
		var result = this.admin.post()
			.uri("/api/v1/imports/activities/preview")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form.build())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.returnResult();

		assertThat(this.json.readTree(result.getResponseBody()).at("/errors/0/field").asString()).isEqualTo("file");
	}

	@Test
	void everyTemplateRoundTripsThroughThePreviewWithoutAnError() {
		for (String format : List.of("csv", "xlsx")) {
			for (String lang : List.of("vi", "en")) {
				var download = this.admin.get()
					.uri("/api/v1/imports/activities/template?format={f}&lang={l}", format, lang)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.returnResult();
				assertThat(download.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
					.contains("attachment")
					.contains("." + format);
				byte[] template = download.getResponseBody();

				Answer preview = upload("/api/v1/imports/activities/preview", template, "template." + format, lang);

				assertThat(preview.status()).as(format + " " + lang).isEqualTo(200);
				assertThat(preview.body().get("errorCount").asInt()).as(format + " " + lang + ": " + preview.body())
					.isZero();
				assertThat(preview.body().get("validRows").asInt()).isOne();
				assertThat(preview.body().at("/rows/0/agreementId").asString()).isEqualTo(TEMPLATE_AGREEMENT);
				assertThat(preview.body().at("/rows/0/title").asString())
					.isEqualTo("Hội nghị xúc tiến đầu tư trực tiếp vào các KCN Lâm Đồng tổ chức tại TP.HCM năm 2010");
			}
		}
		String vietnameseCsv = new String(this.admin.get()
			.uri("/api/v1/imports/activities/template?format=csv&lang=vi")
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(vietnameseCsv).startsWith("\uFEFFMã thỏa thuận;Loại hoạt động;Tiêu đề (VI);")
			.contains("22/04/2010 08:00")
			.contains("120.000.000.000");
	}

	private static AgreementState agreement(String id, String code, String lead, String partner) {
		return new AgreementState(id, code, new LocalizedText("Chương trình hợp tác", null),
				List.of(new Party(lead, PartyRole.LEAD), new Party(partner, PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), LocalDate.of(2029, 12, 31), "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(partner, lead), partner, List.of(30, 7, 1)));
	}

	private static OrganizationState organization(String id, String code, List<String> departments) {
		return new OrganizationState(id, code, new LocalizedText("Ban Quản lý " + code, null),
				"INDUSTRIAL_ZONE_AUTHORITY", "Lâm Đồng", departments, List.of(), true);
	}

	private static byte[] workbook(List<String> headers, List<Object> row) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "Test", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("Sheet1");
			for (int c = 0; c < headers.size(); c++) {
				sheet.value(0, c, headers.get(c));
				Object value = row.get(c);
				if (value instanceof LocalDateTime dateTime) {
					sheet.value(1, c, dateTime);
					sheet.style(1, c).format("dd/mm/yyyy hh:mm").set();
				}
				else if (value instanceof BigDecimal number) {
					sheet.value(1, c, number);
					sheet.style(1, c).format("#,##0").set();
				}
				else if (value instanceof Boolean yesNo) {
					sheet.value(1, c, yesNo);
				}
				else {
					sheet.value(1, c, (String) value);
				}
			}
			workbook.finish();
		}
		return out.toByteArray();
	}

	private JsonNode activity(String type) {
		JsonNode found = this.json.readTree(this.admin.get()
			.uri("/api/v1/activities?agreementId={id}&type={type}", this.agreementId, type)
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(found.at("/page/totalElements").asInt()).isOne();
		return found.at("/content/0");
	}

	private RestTestClient editor(String organizationCode) {
		return ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("editor", "EDITOR", organizationCode));
	}

	private RestTestClient viewer() {
		return ServiceClients.as(this.port, TestInfrastructure.get().identity().token("viewer", "VIEWER", null));
	}

	private Answer send(String uri, String contentType, byte[] file, String language) {
		return send(this.admin, uri, contentType, file, language);
	}

	private Answer send(RestTestClient client, String uri, String contentType, byte[] file, String language) {
		var result = client.post()
			.uri(uri)
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.body(file)
			.exchange()
			.expectBody()
			.returnResult();
		return new Answer(result.getStatus().value(), String.valueOf(result.getResponseHeaders().getContentType()),
				this.json.readTree(result.getResponseBody()));
	}

	private Answer upload(String uri, byte[] file, String name, String language) {
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("file", new ByteArrayResource(file)).filename(name);
		var result = this.admin.post()
			.uri(uri)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.body(form.build())
			.exchange()
			.expectBody()
			.returnResult();
		return new Answer(result.getStatus().value(), String.valueOf(result.getResponseHeaders().getContentType()),
				this.json.readTree(result.getResponseBody()));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private long stored() {
		return this.mongo.count(Query.query(Criteria.where("agreementId").is(this.agreementId)), "activities");
	}

	private boolean known(String collection, String id) {
		return this.mongo.findById(id, org.bson.Document.class, collection) != null;
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	record Answer(int status, String contentType, JsonNode body) {
	}

}
