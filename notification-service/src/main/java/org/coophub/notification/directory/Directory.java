package org.coophub.notification.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.platform.projection.VersionedUpserts;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who is party to what and how to reach them: the read models fed by agreement-events.
 */
@Component
public class Directory {

	private static final String AGREEMENTS = "known_agreements";

	private static final String ORGANIZATIONS = "known_organizations";

	private static final String ACCEPTANCES = "party_acceptances";

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
	 * Remembers that a party accepted an agreement. The latest acceptance counts (a party
	 * that declined and accepted again gets nothing of the time between); the same event
	 * delivered again changes nothing.
	 * @param agreementId the agreement
	 * @param organizationId the party
	 * @param acceptedAt when it accepted (the event's {@code occurredAt})
	 */
	public void accepted(String agreementId, String organizationId, Instant acceptedAt) {
		Query query = Query.query(Criteria.where("_id").is(PartyAcceptance.id(agreementId, organizationId)));
		Update update = new Update().setOnInsert("agreementId", agreementId)
			.setOnInsert("organizationId", organizationId)
			.max("acceptedAt", acceptedAt);
		this.mongo.upsert(query, update, PartyAcceptance.class);
	}

	/**
	 * Since when a party's contacts may be mailed about an agreement: the moment it
	 * accepted, or nothing when it accepted by creating the agreement (or before consent
	 * existed).
	 * @param agreementId the agreement
	 * @param organizationId the party
	 * @return the moment of its latest acceptance, if it accepted later than it was named
	 */
	public Optional<Instant> acceptedSince(String agreementId, String organizationId) {
		return Optional
			.ofNullable(this.mongo.findById(PartyAcceptance.id(agreementId, organizationId), PartyAcceptance.class))
			.map(PartyAcceptance::acceptedAt);
	}

	/**
	 * Whether a party's contacts are to be told of something that happened at the given
	 * moment: it accepted the agreement, and not after that moment.
	 * @param agreement the agreement
	 * @param organizationId the party
	 * @param at when it happened
	 * @return true if they are to be told
	 */
	public boolean toldOf(KnownAgreement agreement, String organizationId, Instant at) {
		return agreement.accepted(organizationId)
				&& acceptedSince(agreement.id(), organizationId).map((since) -> at == null || !since.isAfter(at))
					.orElse(true);
	}

	/**
	 * The agreements an organization accepted to be party to: those whose recipients its
	 * users may see.
	 * @param organizationId the organization
	 * @return the agreements' ids
	 */
	public List<String> agreementsAcceptedBy(String organizationId) {
		Query query = Query.query(Criteria.where("partyIds").is(organizationId));
		return this.mongo.find(query, KnownAgreement.class)
			.stream()
			.filter((agreement) -> agreement.accepted(organizationId))
			.map(KnownAgreement::id)
			.toList();
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

	/**
	 * An agreement, the organizations it names and its parties' acceptances, in one
	 * command (an aggregation looking the others up by their indexed ids), where reading
	 * them one by one cost a command each per activity notice (issue 17).
	 * @param agreementId the agreement
	 * @return it with its parties, if the agreement is known
	 */
	public Optional<AgreementParties> withParties(String agreementId) {
		return read(Criteria.where("_id").is(agreementId)).stream().findFirst();
	}

	/**
	 * Many agreements with their parties, as {@link #withParties(String)} reads one, in
	 * one command for all: a poll of activities reads the parties of its agreements once.
	 * @param agreementIds the agreements
	 * @return those known, by id
	 */
	public Map<String, AgreementParties> withParties(Collection<String> agreementIds) {
		if (agreementIds.isEmpty()) {
			return Map.of();
		}
		Map<String, AgreementParties> found = new HashMap<>();
		read(Criteria.where("_id").in(agreementIds)).forEach((parties) -> found.put(parties.agreement().id(), parties));
		return found;
	}

	private List<AgreementParties> read(Criteria agreements) {
		Aggregation read = Aggregation.newAggregation(Aggregation.match(agreements),
				Aggregation.lookup(ORGANIZATIONS, "partyIds", "_id", "organizations"),
				Aggregation.lookup(ACCEPTANCES, "_id", "agreementId", "acceptances"));
		return this.mongo.aggregate(read, AGREEMENTS, Document.class)
			.getMappedResults()
			.stream()
			.map(this::parties)
			.toList();
	}

	private AgreementParties parties(Document found) {
		MongoConverter converter = this.mongo.getConverter();
		Map<String, KnownOrganization> organizations = new HashMap<>();
		for (Document organization : found.getList("organizations", Document.class, List.of())) {
			KnownOrganization known = converter.read(KnownOrganization.class, organization);
			organizations.put(known.id(), known);
		}
		Map<String, Instant> acceptedAt = new HashMap<>();
		for (Document acceptance : found.getList("acceptances", Document.class, List.of())) {
			PartyAcceptance accepted = converter.read(PartyAcceptance.class, acceptance);
			acceptedAt.put(accepted.organizationId(), accepted.acceptedAt());
		}
		found.remove("organizations");
		found.remove("acceptances");
		return new AgreementParties(converter.read(KnownAgreement.class, found), organizations, acceptedAt);
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
