package org.coophub.reporting.followup;

import java.time.LocalDate;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;
import org.coophub.platform.security.Role;
import org.coophub.reporting.dashboard.DashboardQueries;
import org.coophub.reporting.dashboard.PartyDashboards;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Follow-ups", description = "Việc cần theo dõi: what the user's organization has to follow up")
class FollowUpController {

	private final PartyDashboards dashboards;

	private final DashboardQueries queries;

	FollowUpController(PartyDashboards dashboards, DashboardQueries queries) {
		this.dashboards = dashboards;
		this.queries = queries;
	}

	@GetMapping("/api/v1/follow-ups")
	@Operation(summary = "My follow-ups",
			description = "For the agreements the caller's organization is a party of (every agreement for ADMIN or a "
					+ "caller without organization), read from the portfolio summaries: reviews due within 30 days or "
					+ "overdue, with their host; open commitments behind this year's target the organization is "
					+ "responsible for (or that name no one); parties whose acceptance is PENDING (the organization's "
					+ "own; every one for ADMIN); agreements with failed mail and how many.")
	FollowUps followUps() {
		Optional<Actor> actor = Actors.current();
		String code = actor.filter((caller) -> caller.role() != Role.ADMIN).map(Actor::organizationCode).orElse(null);
		LocalDate today = this.queries.today();
		if (code == null) {
			return FollowUps.of(null, null, this.dashboards.of(null), today);
		}
		return this.queries.organizationIdOfCode(code)
			.map((id) -> FollowUps.of(code, id, this.dashboards.of(id), today))
			.orElseGet(() -> FollowUps.none(code, today));
	}

}
