package org.coophub.notification.directory;

import java.util.List;
import java.util.Optional;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.platform.projection.VersionedUpserts;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who is party to what and how to reach them: the read models fed by agreement-events.
 */
@Component
public class Directory {

	private final MongoTemplate mongo;

	private final VersionedUpserts upserts;

	Directory(MongoTemplate mongo, VersionedUpserts upserts) {
		this.mongo = mongo;
		this.upserts = upserts;
	}

	public void apply(OrganizationState organization, long version) {
		this.upserts.upsertIfNewer(KnownOrganization.of(organization, version));
	}

	public void apply(AgreementState agreement, long version) {
		this.upserts.upsertIfNewer(KnownAgreement.of(agreement, version));
	}

	/**
	 * The agreements an organization is party to.
	 * @param organizationId the organization
	 * @return the agreements' ids
	 */
	public List<String> agreementsOf(String organizationId) {
		// whole documents: a record cannot be built from a projection without its version
		Query query = Query.query(Criteria.where("partyIds").is(organizationId));
		return this.mongo.find(query, KnownAgreement.class).stream().map(KnownAgreement::id).toList();
	}

	public Optional<KnownAgreement> agreement(String id) {
		return Optional.ofNullable(this.mongo.findById(id, KnownAgreement.class));
	}

	/**
	 * The id of the organization with the given code, as a signed-in user's token names
	 * it.
	 * @param code the code
	 * @return the id, if known
	 */
	public Optional<String> organizationIdOfCode(String code) {
		return Optional
			.ofNullable(this.mongo.findOne(Query.query(Criteria.where("code").is(code)), KnownOrganization.class))
			.map(KnownOrganization::id);
	}

	public Optional<KnownOrganization> organization(String id) {
		return Optional.ofNullable(this.mongo.findById(id, KnownOrganization.class));
	}

}
