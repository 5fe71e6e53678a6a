package org.coophub.testsupport;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * HTTP clients for a service under test, signed in through {@link TestIdentity}.
 */
public final class ServiceClients {

	private ServiceClients() {
	}

	/**
	 * A client with the program secretariat's token (ADMIN): what a test needs to set up.
	 */
	public static RestTestClient asAdmin(int port) {
		return as(port, TestInfrastructure.get().identity().admin());
	}

	/**
	 * A client sending the given bearer token.
	 * @param port the service's port
	 * @param token the token
	 * @return the client
	 */
	public static RestTestClient as(int port, String token) {
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
	}

	/** A client without a token. */
	public static RestTestClient anonymous(int port) {
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

}
