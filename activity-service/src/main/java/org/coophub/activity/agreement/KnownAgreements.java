package org.coophub.activity.agreement;

import org.coophub.events.agreement.AgreementState;
import org.coophub.platform.projection.VersionedUpserts;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The agreement read model: newest version wins, redeliveries change nothing.
 */
@Component
public class KnownAgreements {

	private final MongoTemplate mongo;

	private final VersionedUpserts upserts;

	KnownAgreements(MongoTemplate mongo, VersionedUpserts upserts) {
		this.mongo = mongo;
		this.upserts = upserts;
	}

	public void apply(AgreementState state, long version) {
		this.upserts.upsertIfNewer(KnownAgreement.of(state, version));
	}

	public java.util.Optional<KnownAgreement> find(String agreementId) {
		return java.util.Optional.ofNullable(this.mongo.findById(agreementId, KnownAgreement.class));
	}

}
