package org.coophub.localstack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo story (the cooperation program of the Lâm Đồng and Ho Chi Minh City
 * industrial-zone authorities, {@value #RESOURCE}) through the services' HTTP APIs, as a
 * user would, signed in (every call carries a bearer token). The file holds the request
 * bodies; {@code ${org:CODE}} stands for the id of the organization with that code and
 * {@code ${agreement}} for the agreement's id. It is history entered after the fact: the
 * activation and the amendments carry the day they took effect ({@code effectiveOn}), the
 * activities {@code "notifyPartners": false}, so loading it mails nobody. The loader
 * signs in as the scripts' client (ADMIN, no organization), so every party of the new
 * agreement is pending: it accepts for each ({@code acceptance} holds the note) before it
 * activates, as agreement-service refuses to activate an agreement a party has not
 * accepted.
 */
public final class DemoData {

	/** The demo file, UTF-8 JSON on the class path. */
	public static final String RESOURCE = "demo/lam-dong-hcmc.json";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(org:[^}]+|agreement)}");

	/**
	 * activity-service learns agreements from Kafka events, so it may not know a freshly
	 * activated agreement yet (422); it will within moments.
	 */
	private static final Duration ACCEPT_DEADLINE = Duration.ofSeconds(30);

	private static final Duration RETRY_INTERVAL = Duration.ofMillis(200);

	private final ObjectMapper json = new ObjectMapper();

	private final DemoApi api;

	private final URI agreementService;

	private final URI activityService;

	/**
	 * @param accessToken gives the token to send with each call, e.g.
	 * {@code LocalStack.accessToken()}; asked for every call, so it may renew it
	 */
	public DemoData(URI agreementService, URI activityService, Supplier<String> accessToken) {
		this.agreementService = agreementService;
		this.activityService = activityService;
		this.api = new DemoApi(this.json, accessToken);
	}

	/**
	 * The demo file's notice that dates and figures the article does not give are
	 * invented.
	 */
	public static String notice() {
		return read().path("notice").path("en").asText();
	}

	/**
	 * Loads the demo data unless agreement-service already has organizations (a restart
	 * of the stack must not duplicate them).
	 */
	public Outcome loadUnlessPresent() {
		JsonNode existing = this.api.get(this.agreementService.resolve("/api/v1/organizations?size=1")).expect(200);
		if (existing.path("content").size() > 0) {
			log.info("Demo data not loaded: agreement-service already has organizations");
			return Outcome.SKIPPED;
		}
		return load(read());
	}

	private Outcome load(JsonNode demo) {
		Map<String, String> ids = new HashMap<>();
		for (JsonNode organization : demo.path("organizations")) {
			JsonNode created = this.api.post(this.agreementService.resolve("/api/v1/organizations"), organization)
				.expect(201);
			ids.put("org:" + organization.path("code").asText(), created.path("id").asText());
		}
		DemoApi.Response created = this.api.post(this.agreementService.resolve("/api/v1/agreements"),
				resolve(demo.path("agreement"), ids));
		String agreementId = created.expect(201).path("id").asText();
		ids.put("agreement", agreementId);
		URI agreement = this.agreementService.resolve("/api/v1/agreements/" + agreementId);
		String accepted = acceptForEveryParty(agreement, created.expect(201), demo.path("acceptance"),
				created.expectEtag(201));
		// the program was in force long before it was typed in: the activation says since
		// when (effectiveOn), as the amendments after it do
		JsonNode activation = demo.path("activation");
		DemoApi.Response activated = this.api.update("POST", URI.create(agreement + "/activate"),
				activation.isMissingNode() ? null : resolve(activation, ids), accepted);
		if (!"ACTIVE".equals(activated.expect(200).path("status").asText())) {
			throw new DemoDataException(
					"Agreement " + agreementId + " is " + activated.expect(200).path("status") + " after activation");
		}
		String etag = activated.expectEtag(200);
		int amendments = 0;
		for (JsonNode change : demo.path("changesAfterActivation")) {
			etag = applyChange(agreement, resolve(change, ids), etag);
			amendments++;
		}
		int activities = 0;
		for (JsonNode activity : demo.path("activities")) {
			postActivity(resolve(activity, ids));
			activities++;
		}
		log.info("Demo data loaded: {} organizations, agreement {} with {} changes after activation, {} activities",
				demo.path("organizations").size(), agreementId, amendments, activities);
		return new Outcome(true, demo.path("organizations").size(), agreementId, activities);
	}

	/**
	 * Accepts, for each party that has not yet, to be named in the agreement, based on
	 * the version {@code etag}.
	 * @param view the agreement as created
	 * @param acceptance the body of each acceptance (a note), or a missing node for none
	 * @return the ETag of the version after the last acceptance
	 */
	private String acceptForEveryParty(URI agreement, JsonNode view, JsonNode acceptance, String etag) {
		String current = etag;
		for (JsonNode party : view.path("parties")) {
			if (!"ACCEPTED".equals(party.path("consent").asText())) {
				URI accept = URI.create(agreement + "/parties/" + party.path("organizationId").asText() + "/accept");
				current = this.api.update("POST", accept, acceptance.isMissingNode() ? null : acceptance, current)
					.expectEtag(200);
			}
		}
		return current;
	}

	/**
	 * Applies one change of the agreement made after its activation, based on the version
	 * {@code etag}: {@code amend} (a PATCH of its terms, with a note) or
	 * {@code addCommitment}.
	 * @return the ETag of the new version
	 */
	private String applyChange(URI agreement, JsonNode change, String etag) {
		String kind = change.path("kind").asText();
		return switch (kind) {
			case "amend" -> this.api.update("PATCH", agreement, change.path("body"), etag).expectEtag(200);
			case "addCommitment" ->
				this.api.update("POST", URI.create(agreement + "/commitments"), change.path("body"), etag)
					.expectEtag(201);
			default -> throw new DemoDataException("Unknown kind of change in the demo data: " + kind);
		};
	}

	private void postActivity(JsonNode activity) {
		URI activities = this.activityService.resolve("/api/v1/activities");
		Instant deadline = Instant.now().plus(ACCEPT_DEADLINE);
		DemoApi.Response response = this.api.post(activities, activity);
		while (response.status() == 422 && Instant.now().isBefore(deadline)) {
			pause();
			response = this.api.post(activities, activity);
		}
		response.expect(201);
	}

	/** A copy of the node with every placeholder string replaced by the id it names. */
	JsonNode resolve(JsonNode node, Map<String, String> ids) {
		if (node.isTextual()) {
			Matcher placeholder = PLACEHOLDER.matcher(node.asText());
			if (!placeholder.matches()) {
				return node;
			}
			String id = ids.get(placeholder.group(1));
			if (id == null) {
				throw new DemoDataException("Demo data refers to unknown " + node.asText());
			}
			return TextNode.valueOf(id);
		}
		if (node.isArray()) {
			ArrayNode copy = this.json.createArrayNode();
			node.forEach((element) -> copy.add(resolve(element, ids)));
			return copy;
		}
		if (node.isObject()) {
			ObjectNode copy = this.json.createObjectNode();
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				copy.set(field.getKey(), resolve(field.getValue(), ids));
			}
			return copy;
		}
		return node;
	}

	static JsonNode read() {
		try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the class path");
			}
			return new ObjectMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	private static void pause() {
		try {
			// runtime retry of a remote call, not a test
			Thread.sleep(RETRY_INTERVAL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DemoDataException("Interrupted while loading the demo data", ex);
		}
	}

	/**
	 * What loading did.
	 *
	 * @param loaded false when the data were already there
	 * @param organizations how many organizations were created
	 * @param agreementId the id of the program agreement created
	 * @param activities how many activities were recorded
	 */
	public record Outcome(boolean loaded, int organizations, String agreementId, int activities) {

		static final Outcome SKIPPED = new Outcome(false, 0, null, 0);

	}

}
