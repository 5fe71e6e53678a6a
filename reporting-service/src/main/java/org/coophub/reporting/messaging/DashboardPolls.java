package org.coophub.reporting.messaging;

import java.util.List;

import org.coophub.platform.messaging.ThreadBoundPolls;
import org.coophub.reporting.dashboard.DashboardProjection;
import org.coophub.reporting.dashboard.LiveBatch;
import org.coophub.reporting.dashboard.ProjectionTarget;

/**
 * Where the live consumers' handlers write: while a consumer thread works through a poll,
 * into that poll's {@link LiveBatch}, written once the poll is done; outside a poll (a
 * parked record routed again, a record-mode binding) straight through, one event at a
 * time.
 */
final class DashboardPolls extends ThreadBoundPolls<LiveBatch> {

	private final DashboardProjection dashboards;

	DashboardPolls(DashboardProjection dashboards) {
		this.dashboards = dashboards;
	}

	ProjectionTarget target() {
		LiveBatch batch = current();
		return (batch != null) ? batch : this.dashboards.live();
	}

	@Override
	protected LiveBatch newPoll(List<String> keys) {
		return this.dashboards.liveBatch();
	}

	@Override
	protected void write(LiveBatch poll) {
		poll.write();
	}

}
