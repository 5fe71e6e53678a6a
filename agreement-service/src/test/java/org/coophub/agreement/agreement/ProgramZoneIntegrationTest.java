package org.coophub.agreement.agreement;

import java.util.UUID;

import org.coophub.agreement.JsonApi;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started with another {@code coophub.program.zone} gives that zone to an
 * agreement (and its review policy) that names none; an agreement's own zone still wins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "coophub.program.zone=Europe/Paris")
@WithInfrastructure
class ProgramZoneIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void anAgreementWithoutAZoneTakesTheConfiguredOne() {
		JsonNode agreement = api().created("/api/v1/agreements", agreement(null));

		assertThat(agreement.get("timeZone").asString()).isEqualTo("Europe/Paris");
		assertThat(agreement.at("/reviewPolicy/timeZone").asString()).isEqualTo("Europe/Paris");
	}

	@Test
	void anAgreementsOwnZoneWins() {
		JsonNode agreement = api().created("/api/v1/agreements", agreement("Asia/Ho_Chi_Minh"));

		assertThat(agreement.get("timeZone").asString()).isEqualTo("Asia/Ho_Chi_Minh");
	}

	private String agreement(String timeZone) {
		String ld = organization();
		String hcm = organization();
		String code = "ZONE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		return """
				{"code":"%s","title":{"vi":"Chương trình hợp tác %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15",%s"areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(code, code, ld, hcm, (timeZone != null) ? "\"timeZone\":\"" + timeZone + "\"," : "", hcm,
				ld, hcm);
	}

	private String organization() {
		String code = "ORG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		return api()
			.created("/api/v1/organizations",
					"""
							{"code":"%s","name":{"vi":"Ban Quản lý %s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng"}
							"""
						.formatted(code, code))
			.get("id")
			.asString();
	}

	private JsonApi api() {
		return new JsonApi(ServiceClients.asAdmin(this.port), this.json);
	}

}
