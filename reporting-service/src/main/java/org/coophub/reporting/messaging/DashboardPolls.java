package org.coophub.reporting.messaging;

import org.coophub.platform.messaging.EventRouter.PollScope;
import org.coophub.reporting.dashboard.DashboardProjection;
import org.coophub.reporting.dashboard.LiveBatch;
import org.coophub.reporting.dashboard.ProjectionTarget;

/**
 * Where the live consumers' handlers write: while a consumer thread works through a poll,
 * into that poll's {@link LiveBatch}, written once the poll is done; outside a poll (a
 * parked record routed again, a record-mode binding) straight through, one event at a
 * time.
 */
final class DashboardPolls implements PollScope {

	private final DashboardProjection dashboards;

	private final ThreadLocal<LiveBatch> open = new ThreadLocal<>();

	DashboardPolls(DashboardProjection dashboards) {
		this.dashboards = dashboards;
	}

	ProjectionTarget target() {
		LiveBatch batch = this.open.get();
		return (batch != null) ? batch : this.dashboards.live();
	}

	@Override
	public void open() {
		this.open.set(this.dashboards.liveBatch());
	}

	@Override
	public void write() {
		this.open.get().write();
	}

	@Override
	public void close() {
		this.open.remove();
	}

}
