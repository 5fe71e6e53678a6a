package org.coophub.reporting.dashboard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.coophub.platform.projection.VersionedUpserts;
import org.coophub.platform.zone.ProgramZone;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out projectors: {@link #live()} for events as they arrive (written to the active
 * generation and to one being rebuilt, and pushed to open pages),
 * {@link #replayInto(int)} for a rebuild's replay (written to the new generation only, in
 * bulk, quietly).
 */
@Component
public class DashboardProjection {

	private final MongoTemplate mongo;

	private final ApplicationEventPublisher events;

	private final ProjectionCollections collections;

	private final VersionedUpserts upserts;

	private final ProgramZone programZone;

	/** Per generation, shared by every writer into it (see {@link GuardsToRelease}). */
	private final Map<Integer, GuardsToRelease> guards = new ConcurrentHashMap<>();

	DashboardProjection(MongoTemplate mongo, ApplicationEventPublisher events, ProjectionCollections collections,
			VersionedUpserts upserts, ProgramZone programZone) {
		this.mongo = mongo;
		this.events = events;
		this.collections = collections;
		this.upserts = upserts;
		this.programZone = programZone;
	}

	public Projector live() {
		return new Projector(this.mongo, this.upserts, this.collections, this.collections.writeTargets(),
				this::replayInto, this.events, this.programZone);
	}

	/**
	 * @return a poll's worth of live events, written together (to the same generations as
	 * {@link #live()}) when the poll is done
	 */
	public LiveBatch liveBatch() {
		return new LiveBatch(this.collections.writeTargets().stream().map(this::replayInto).toList(), this.events,
				this.programZone);
	}

	public ReplayBatch replayInto(int generation) {
		return new ReplayBatch(this.mongo, this.upserts, this.collections, generation,
				this.guards.computeIfAbsent(generation, (g) -> new GuardsToRelease()), this.programZone);
	}

}
