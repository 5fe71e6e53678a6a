package org.coophub.agreement;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The calls the integration tests make on agreement-service's JSON API, written once.
 *
 * @param http a client of the running service, signed in as the test needs
 * @param json the service's own mapper
 */
public record JsonApi(RestTestClient http, JsonMapper json) {

	/** POSTs a body that must be created (201) and reads the answer. */
	public JsonNode created(String path, String body) {
		return this.json.readTree(send(this.http.post(), path, null, body).expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	/** GETs what must be there (200) and reads it. */
	public JsonNode read(String path) {
		return this.json.readTree(this.http.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	/**
	 * Accepts for every party that has not accepted the agreement yet, one after the
	 * other, as the client is signed in (an ADMIN answers for any party; an EDITOR only
	 * for their own organization), as an agreement must be before it is activated.
	 * @return the agreement's ETag after the last answer
	 */
	public String acceptAll(String agreementId) {
		String path = "/api/v1/agreements/" + agreementId;
		JsonNode agreement = read(path);
		String etag = "\"" + agreement.get("version").asLong() + "\"";
		for (JsonNode party : agreement.get("awaitingAcceptance")) {
			etag = send(this.http.post(), path + "/parties/" + party.asString() + "/accept", etag, null).expectStatus()
				.isOk()
				.returnResult(byte[].class)
				.getResponseHeaders()
				.getETag();
		}
		return etag;
	}

	/**
	 * Accepts for every pending party ({@link #acceptAll}), then activates.
	 * @return the agreement's ETag once active
	 */
	public String activate(String agreementId) {
		String etag = acceptAll(agreementId);
		return send(this.http.post(), "/api/v1/agreements/" + agreementId + "/activate", etag, null).expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getETag();
	}

	/** Sends a request with an optional If-Match and an optional JSON body. */
	public RestTestClient.ResponseSpec send(RestTestClient.RequestBodyUriSpec method, String path, String ifMatch,
			String body) {
		RestTestClient.RequestBodySpec request = method.uri(path);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange();
	}

}
