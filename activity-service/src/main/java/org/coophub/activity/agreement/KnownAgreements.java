package org.coophub.activity.agreement;

import java.util.Collection;
import java.util.List;

import org.coophub.events.agreement.AgreementState;
import org.coophub.platform.projection.VersionedUpserts;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

	/**
	 * The agreements whose code or id is among the given ones, in one query: an imported
	 * file names agreements by code (or by id), and a file of 10,000 rows names a few.
	 * @param codesOrIds what the file's cells say
	 * @return the agreements known among them
	 */
	public List<KnownAgreement> findByCodesOrIds(Collection<String> codesOrIds) {
		return this.mongo.find(Query.query(
				new Criteria().orOperator(Criteria.where("code").in(codesOrIds), Criteria.where("_id").in(codesOrIds))),
				KnownAgreement.class);
	}

}
