package org.coophub.reporting.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which generation of the projection collections pages read, and which one a rebuild is
 * filling. Generation 0 uses the plain names; a rebuild fills generation n+1 while live
 * events go to both, then switches readers over and drops the old collections. The state
 * lives in MongoDB so every instance reads and writes the same generation.
 */
@Component
public class ProjectionCollections {

	static final String DASHBOARDS = "agreement_dashboards";

	static final String ORGANIZATIONS = "organization_names";

	static final String ACTIVITIES = "dashboard_activities";

	static final String NOTIFICATIONS = "dashboard_notifications";

	static final String AGREEMENT_VERSIONS = "agreement_versions";

	static final String REVIEW_CYCLES = "review_cycles";

	static final String PORTFOLIO = "portfolio";

	private static final String STATE = "projection_state";

	private static final String ID = "dashboards";

	private final MongoTemplate mongo;

	ProjectionCollections(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Generations generations() {
		Generations state = this.mongo.findById(ID, Generations.class, STATE);
		return (state != null) ? state : new Generations(ID, 0, null);
	}

	/**
	 * Where live events go: the active generation and, during a rebuild, the one being
	 * filled.
	 * @return the generations to write
	 */
	List<Integer> writeTargets() {
		Generations state = generations();
		List<Integer> targets = new ArrayList<>(List.of(state.active()));
		if (state.rebuilding() != null) {
			targets.add(state.rebuilding());
		}
		return targets;
	}

	/**
	 * Starts filling a fresh generation, dropping whatever an interrupted rebuild left.
	 * @return the generation to fill
	 */
	public int startRebuild() {
		Generations state = generations();
		int next = Math.max(state.active(), (state.rebuilding() != null) ? state.rebuilding() : 0) + 1;
		drop(next);
		this.mongo.save(new Generations(ID, state.active(), next), STATE);
		return next;
	}

	/**
	 * Makes the rebuilt generation the one pages read and drops the old one.
	 * @param generation the generation that was filled
	 */
	public void switchTo(int generation) {
		int old = generations().active();
		this.mongo.save(new Generations(ID, generation, null), STATE);
		if (old != generation) {
			drop(old);
		}
	}

	String dashboards(int generation) {
		return name(DASHBOARDS, generation);
	}

	String organizations(int generation) {
		return name(ORGANIZATIONS, generation);
	}

	String activities(int generation) {
		return name(ACTIVITIES, generation);
	}

	String notifications(int generation) {
		return name(NOTIFICATIONS, generation);
	}

	String agreementVersions(int generation) {
		return name(AGREEMENT_VERSIONS, generation);
	}

	String reviewCycles(int generation) {
		return name(REVIEW_CYCLES, generation);
	}

	String portfolio(int generation) {
		return name(PORTFOLIO, generation);
	}

	private void drop(int generation) {
		for (String base : List.of(DASHBOARDS, ORGANIZATIONS, ACTIVITIES, NOTIFICATIONS, AGREEMENT_VERSIONS,
				REVIEW_CYCLES, PORTFOLIO)) {
			String collection = name(base, generation);
			if (this.mongo.collectionExists(collection)) {
				this.mongo.dropCollection(collection);
			}
		}
	}

	private static String name(String base, int generation) {
		return (generation == 0) ? base : base + "_" + generation;
	}

	/**
	 * The generation pages read, and the one being rebuilt if any.
	 *
	 * @param id the state's id
	 * @param active the generation read
	 * @param rebuilding the generation being filled, or null
	 */
	public record Generations(@Id String id, int active, Integer rebuilding) {

	}

}
