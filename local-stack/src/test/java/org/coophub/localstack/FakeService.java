package org.coophub.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service jar in tests of the process handling and the demo loader: JDK
 * classes only, so it runs from a jar holding just this class. It answers health checks,
 * issues tokens to the scripts' client as identity-service does (any instance does),
 * answers 401 to an API call without one, and answers the few API calls of the demo
 * loader. It rejects bodies with unresolved placeholders, answers 428 to an update of the
 * agreement without If-Match (as agreement-service does), names every party of a new
 * agreement pending and refuses its activation (409) until each has accepted (as
 * agreement-service does for an ADMIN's agreement), and (as activity-service may) answers
 * 422 to the first activity until it "knows" the agreement. A move of its clock
 * ({@code POST /actuator/clock}) is written to its output.
 */
public final class FakeService {

	private static final AtomicInteger organizations = new AtomicInteger();

	private static final AtomicInteger activityAttempts = new AtomicInteger();

	private static final AtomicInteger tokens = new AtomicInteger();

	/** The parties of the last agreement created that have not accepted yet. */
	private static final Set<String> pendingParties = ConcurrentHashMap.newKeySet();

	private static final Pattern ORGANIZATION_ID = Pattern.compile("\"organizationId\"\\s*:\\s*\"([^\"]+)\"");

	private static final String TOKEN_PREFIX = "fake-token-";

	/** LocalStack's scripts client and secret, written out: this class runs alone. */
	private static final String SCRIPTS_CREDENTIALS = "Basic " + Base64.getEncoder()
		.encodeToString("coophub-scripts:local-stack-scripts-secret".getBytes(StandardCharsets.UTF_8));

	private FakeService() {
	}

	public static void main(String[] args) throws IOException {
		int port = 0;
		for (String argument : args) {
			if (argument.startsWith("--server.port=")) {
				port = Integer.parseInt(argument.substring("--server.port=".length()));
			}
		}
		System.out.println("fake service starting with " + String.join(" ", args));
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/", FakeService::handle);
		server.start();
	}

	private static void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (body.contains("${")) {
				send(exchange, 400, "{\"detail\":\"unresolved placeholder\"}");
			}
			else if (path.equals("/actuator/health") || path.equals("/actuator/health/readiness")) {
				send(exchange, 200, "{\"status\":\"UP\"}");
			}
			else if (path.equals("/oauth2/token")) {
				issueToken(exchange, body);
			}
			else if (!String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))
				.startsWith("Bearer " + TOKEN_PREFIX)) {
				send(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
			}
			else if (path.equals("/actuator/clock")) {
				if (method.equals("POST")) {
					// what the test reads back from the log file
					System.out.println("clock moved: " + body);
				}
				send(exchange, 200, "{\"now\":\"2027-10-07T01:00:00Z\",\"offset\":\"PT0S\"}");
			}
			else if (path.equals("/api/v1/organizations") && method.equals("GET")) {
				send(exchange, 200, (organizations.get() == 0) ? "{\"content\":[],\"page\":{\"totalElements\":0}}"
						: "{\"content\":[{\"id\":\"x\"}],\"page\":{\"totalElements\":" + organizations.get() + "}}");
			}
			else if (path.equals("/api/v1/organizations")) {
				organizations.incrementAndGet();
				send(exchange, 201, "{\"id\":\"" + UUID.randomUUID() + "\"}");
			}
			else if (path.equals("/api/v1/agreements")) {
				createAgreement(exchange, body);
			}
			else if (path.startsWith("/api/v1/agreements/")) {
				updateAgreement(exchange, path, exchange.getRequestHeaders().getFirst("If-Match"));
			}
			else if (path.equals("/api/v1/activities")) {
				boolean known = activityAttempts.incrementAndGet() > 2;
				send(exchange, known ? 201 : 422, known ? "{\"id\":\"" + UUID.randomUUID() + "\"}"
						: "{\"title\":\"Unknown agreement\",\"status\":422}");
			}
			else {
				send(exchange, 404, "{}");
			}
		}
	}

	private static void issueToken(HttpExchange exchange, String form) throws IOException {
		if (!exchange.getRequestMethod().equals("POST")
				|| !SCRIPTS_CREDENTIALS.equals(exchange.getRequestHeaders().getFirst("Authorization"))
				|| !form.contains("grant_type=client_credentials")) {
			send(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		send(exchange, 200, "{\"access_token\":\"" + TOKEN_PREFIX + tokens.incrementAndGet()
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":900}");
	}

	private static void createAgreement(HttpExchange exchange, String body) throws IOException {
		pendingParties.clear();
		StringBuilder parties = new StringBuilder();
		Matcher party = ORGANIZATION_ID.matcher(body);
		while (party.find()) {
			pendingParties.add(party.group(1));
			parties.append((parties.length() > 0) ? "," : "")
				.append("{\"organizationId\":\"")
				.append(party.group(1))
				.append("\",\"consent\":\"PENDING\"}");
		}
		exchange.getResponseHeaders().set("ETag", "\"1\"");
		send(exchange, 201, "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"DRAFT\",\"version\":1,\"parties\":["
				+ parties + "]}");
	}

	/**
	 * Acceptance, activation, amendment or a new commitment: each needs the current
	 * version in If-Match and answers with the next one. An acceptance is written to the
	 * output.
	 */
	private static void updateAgreement(HttpExchange exchange, String path, String ifMatch) throws IOException {
		if (ifMatch == null || !ifMatch.matches("\"\\d+\"")) {
			send(exchange, 428, "{\"title\":\"Precondition required\",\"status\":428}");
			return;
		}
		if (path.endsWith("/activate") && !pendingParties.isEmpty()) {
			send(exchange, 409, "{\"title\":\"Parties have not accepted\",\"status\":409,\"awaitingAcceptance\":[\""
					+ String.join("\",\"", pendingParties) + "\"]}");
			return;
		}
		if (path.endsWith("/accept")) {
			String organizationId = path.split("/")[6];
			pendingParties.remove(organizationId);
			// what the test reads back from the log file
			System.out.println("party accepted: " + organizationId);
		}
		long next = Long.parseLong(ifMatch.replace("\"", "")) + 1;
		exchange.getResponseHeaders().set("ETag", "\"" + next + "\"");
		boolean created = path.endsWith("/commitments");
		send(exchange, created ? 201 : 200, "{\"status\":\"ACTIVE\",\"version\":" + next + "}");
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
