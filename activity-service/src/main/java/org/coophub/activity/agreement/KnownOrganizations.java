package org.coophub.activity.agreement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.coophub.events.agreement.OrganizationState;
import org.coophub.platform.projection.VersionedUpserts;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The organization read model: newest version wins, redeliveries change nothing.
 */
@Component
public class KnownOrganizations {

	private final MongoTemplate mongo;

	private final VersionedUpserts upserts;

	KnownOrganizations(MongoTemplate mongo, VersionedUpserts upserts) {
		this.mongo = mongo;
		this.upserts = upserts;
	}

	public void apply(OrganizationState state, long version) {
		this.upserts.upsertIfNewer(KnownOrganization.of(state, version));
	}

	/**
	 * The id of the organization with the given code.
	 * @param code the organization's code, as a token names it
	 * @return its id, if known
	 */
	public Optional<String> idOfCode(String code) {
		return Optional
			.ofNullable(this.mongo.findOne(Query.query(Criteria.where("code").is(code)), KnownOrganization.class))
			.map(KnownOrganization::id);
	}

	/**
	 * The organizations whose code or id is among the given ones, in one query: an
	 * imported file names organizations by code (or by id).
	 * @param codesOrIds what the file's cells say
	 * @return the organizations known among them
	 */
	public List<KnownOrganization> findByCodesOrIds(Collection<String> codesOrIds) {
		return this.mongo.find(Query.query(
				new Criteria().orOperator(Criteria.where("code").in(codesOrIds), Criteria.where("_id").in(codesOrIds))),
				KnownOrganization.class);
	}

	/**
	 * The organizations known among the given ones, in one query.
	 * @param organizationIds the organizations wanted
	 * @return those known; unknown ones are left out
	 */
	public List<KnownOrganization> findAll(Collection<String> organizationIds) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(organizationIds)), KnownOrganization.class);
	}

}
