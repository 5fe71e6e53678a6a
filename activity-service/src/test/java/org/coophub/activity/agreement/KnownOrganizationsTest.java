package org.coophub.activity.agreement;

import java.util.List;
import java.util.UUID;

import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.common.LocalizedText;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization read model keeps the newest departments whatever order events arrive
 * in, and finds only the organizations it knows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class KnownOrganizationsTest {

	@Autowired
	KnownOrganizations organizations;

	@Test
	void theNewestDepartmentsWinAndUnknownOrganizationsAreLeftOut() {
		String id = UUID.randomUUID().toString();
		this.organizations.apply(organization(id, "Văn phòng", "Thanh tra"), 2);
		this.organizations.apply(organization(id, "Văn phòng"), 1);

		assertThat(this.organizations.findAll(List.of(id, "org-unknown"))).singleElement()
			.satisfies((known) -> assertThat(known.departments()).containsExactly("Văn phòng", "Thanh tra"));
	}

	private static OrganizationState organization(String id, String... departments) {
		return new OrganizationState(id, "BQL-" + id, new LocalizedText("Ban Quản lý các KCN", null),
				"INDUSTRIAL_ZONE_AUTHORITY", "Lâm Đồng", List.of(departments), List.of(), true);
	}

}
