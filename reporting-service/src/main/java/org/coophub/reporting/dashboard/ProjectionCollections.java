package org.coophub.reporting.dashboard;

import java.time.Duration;
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

	/**
	 * How long live writes trust the generations they last read: a read per second, not
	 * one per event (issue 17). A rebuild waits this long after each change of the
	 * generations, so every instance follows it before it matters.
	 */
	static final Duration TARGETS_TRUSTED = Duration.ofSeconds(1);

	private final MongoTemplate mongo;

	/** The generations live events were last written to, and when they were read. */
	private volatile WriteTargets writeTargets;

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
		WriteTargets known = this.writeTargets;
		long now = System.nanoTime();
		if (known == null || now - known.readAt() > TARGETS_TRUSTED.toNanos()) {
			known = new WriteTargets(targetsOf(generations()), now);
			this.writeTargets = known;
		}
		return known.generations();
	}

	private static List<Integer> targetsOf(Generations state) {
		List<Integer> targets = new ArrayList<>(List.of(state.active()));
		if (state.rebuilding() != null) {
			targets.add(state.rebuilding());
		}
		return List.copyOf(targets);
	}

	/**
	 * Waits until every instance's live writes follow a change of the generations: they
	 * trust what they read for {@link #TARGETS_TRUSTED}.
	 */
	private static void untilWritersFollow() {
		try {
			Thread.sleep(TARGETS_TRUSTED.plusMillis(500).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while live writes turn to the new generations", ex);
		}
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
		this.writeTargets = null;
		// the replay reads up to the end offsets taken after this: what arrives later
		// must reach the new generation from every instance's live writes
		untilWritersFollow();
		return next;
	}

	/**
	 * Makes the rebuilt generation the one pages read and drops the old one.
	 * @param generation the generation that was filled
	 */
	public void switchTo(int generation) {
		int old = generations().active();
		this.mongo.save(new Generations(ID, generation, null), STATE);
		this.writeTargets = null;
		if (old != generation) {
			// a live write still aimed at the old generation would bring back what is
			// dropped
			untilWritersFollow();
			drop(old);
		}
	}

	String dashboards(int generation) {
		return name(DASHBOARDS, generation);
	}

	public String organizations(int generation) {
		return name(ORGANIZATIONS, generation);
	}

	public String activities(int generation) {
		return name(ACTIVITIES, generation);
	}

	String notifications(int generation) {
		return name(NOTIFICATIONS, generation);
	}

	String agreementVersions(int generation) {
		return name(AGREEMENT_VERSIONS, generation);
	}

	public String reviewCycles(int generation) {
		return name(REVIEW_CYCLES, generation);
	}

	public String portfolio(int generation) {
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

	private record WriteTargets(List<Integer> generations, long readAt) {

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
