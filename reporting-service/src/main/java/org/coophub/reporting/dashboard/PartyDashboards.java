package org.coophub.reporting.dashboard;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The dashboards of the agreements an organization is a party of (or of every agreement),
 * worked out from their maintained portfolio summaries alone: one read through the index
 * on the parties' organization, one for the names, whatever the agreements' history. What
 * the follow-ups page lists (reviews due, commitments behind, parties awaiting
 * acceptance, failed mail) is in these.
 */
@Component
public class PartyDashboards {

	/** The parties' organizations in a stored summary. */
	static final String PARTY = "agreement.parties.organizationId";

	private final MongoTemplate mongo;

	private final ProjectionCollections collections;

	private final DashboardQueries queries;

	/** Collections whose party index this instance made sure of. */
	private final Set<String> indexed = ConcurrentHashMap.newKeySet();

	PartyDashboards(MongoTemplate mongo, ProjectionCollections collections, DashboardQueries queries) {
		this.mongo = mongo;
		this.collections = collections;
		this.queries = queries;
	}

	/**
	 * The dashboards, by agreement code, without their recent activities.
	 * @param organizationId the party, or null for every agreement
	 * @return the dashboards as of today in the program's zone
	 */
	public List<AgreementDashboardView> of(String organizationId) {
		int generation = this.collections.generations().active();
		String collection = this.collections.portfolio(generation);
		if (this.indexed.add(collection)) {
			this.mongo.indexOps(collection).createIndex(new Index().on(PARTY, Sort.Direction.ASC).named("party"));
		}
		// code >= "" leaves out summaries whose agreement has not arrived yet
		Criteria criteria = Criteria.where(PortfolioSummary.CODE).gte("");
		if (organizationId != null) {
			criteria = Criteria.where(PARTY).is(organizationId).and(PortfolioSummary.CODE).gte("");
		}
		Query query = Query.query(criteria).with(Sort.by(PortfolioSummary.CODE, "_id"));
		query.fields().exclude(PortfolioTally.APPLIED);
		List<PortfolioSummary> summaries = this.mongo.find(query, PortfolioSummary.class, collection);
		Set<String> named = new HashSet<>();
		for (PortfolioSummary summary : summaries) {
			if (summary.agreement() != null && summary.agreement().parties() != null) {
				summary.agreement().parties().forEach((party) -> named.add(party.organizationId()));
			}
			if (summary.review() != null && summary.review().upcomingHost() != null) {
				named.add(summary.review().upcomingHost());
			}
		}
		LocalDate today = this.queries.today();
		Names names = names(generation, named);
		return summaries.stream()
			.map((summary) -> AgreementDashboardView.of(summary, List.of(), today, names))
			.toList();
	}

	private Names names(int generation, Set<String> ids) {
		if (ids.isEmpty()) {
			return new Names(Map.of());
		}
		return new Names(this.mongo
			.find(Query.query(Criteria.where("_id").in(ids)), OrganizationName.class,
					this.collections.organizations(generation))
			.stream()
			.collect(Collectors.toMap(OrganizationName::id, Function.identity())));
	}

}
