package org.coophub.workspace.route;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelativeLocationTest {

	private final RelativeLocation location = new RelativeLocation(URI.create("http://127.0.0.1:8082"));

	@Test
	void theServicesOwnAddressBecomesAPathOnTheWorkspace() {
		assertThat(this.location.relative("http://127.0.0.1:8082/api/v1/activities/42?view=full#top"))
			.isEqualTo("/api/v1/activities/42?view=full#top");
		assertThat(this.location.relative("HTTP://127.0.0.1:8082")).isEqualTo("/");
	}

	@Test
	void relativeLocationsAndOtherOriginsPassUnchanged() {
		assertThat(this.location.relative("/api/v1/activities/42")).isEqualTo("/api/v1/activities/42");
		assertThat(this.location.relative("http://127.0.0.1:9000/oauth2/authorize"))
			.isEqualTo("http://127.0.0.1:9000/oauth2/authorize");
		assertThat(this.location.relative("https://127.0.0.1:8082/x")).isEqualTo("https://127.0.0.1:8082/x");
		assertThat(this.location.relative("not a uri")).isEqualTo("not a uri");
	}

}
