package org.coophub.activity.agreement;

import java.util.UUID;

import org.coophub.events.agreement.AgreementStatus;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coophub.activity.ActivityRecordingIntegrationTest.agreement;

/**
 * The read model keeps the newest version whatever order events arrive in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class KnownAgreementsTest {

	@Autowired
	KnownAgreements agreements;

	@Test
	void aStaleVersionDoesNotOverwriteANewerOne() {
		String id = UUID.randomUUID().toString();
		this.agreements.apply(agreement(id, AgreementStatus.ACTIVE), 2);
		this.agreements.apply(agreement(id, AgreementStatus.DRAFT), 1);

		assertThat(this.agreements.find(id)).get()
			.extracting(KnownAgreement::status, KnownAgreement::version)
			.containsExactly(AgreementStatus.ACTIVE, 2L);
	}

	@Test
	void aRedeliveredVersionChangesNothingAndANewerOneWins() {
		String id = UUID.randomUUID().toString();
		this.agreements.apply(agreement(id, AgreementStatus.DRAFT), 1);
		this.agreements.apply(agreement(id, AgreementStatus.DRAFT), 1);
		this.agreements.apply(agreement(id, AgreementStatus.ACTIVE), 2);

		assertThat(this.agreements.find(id)).get().extracting(KnownAgreement::status).isEqualTo(AgreementStatus.ACTIVE);
	}

}
