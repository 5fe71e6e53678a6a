package org.coophub.reporting.dashboard;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coophub.platform.paging.ListPaging;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Dashboards",
		description = "Bảng điều khiển: the portfolio and each agreement's dashboard, kept from the events, and their "
				+ "live updates")
@RequestMapping("/api/v1/dashboard")
class DashboardController {

	static final int DEFAULT_PAGE_SIZE = 50;

	/** Pages of the portfolio as every list pages: by an indexed key, at most 200. */
	static final ListPaging PAGING = new ListPaging(Map.of("code", PortfolioSummary.CODE),
			Sort.by(PortfolioSummary.CODE));

	private final DashboardQueries queries;

	private final DashboardStream stream;

	DashboardController(DashboardQueries queries, DashboardStream stream) {
		this.queries = queries;
		this.stream = stream;
	}

	/**
	 * One page of the portfolio, by agreement code.
	 */
	@GetMapping
	@Operation(summary = "The portfolio, one page",
			description = "One row per agreement in code order: status, activities (in all and this year), conference "
					+ "totals, next review, reviewOverdue, commitmentsBehindTarget and notification counts, read from "
					+ "one maintained summary per agreement. size up to 200 (default 50), sort=code only: else 400 "
					+ "naming size or sort.")
	List<PortfolioEntry> portfolio(@PageableDefault(size = DEFAULT_PAGE_SIZE) Pageable pageable) {
		Pageable page = PAGING.check(pageable);
		return this.queries.portfolio(page.getPageNumber(), page.getPageSize());
	}

	@GetMapping("/agreements/{id}")
	@Operation(summary = "One agreement's dashboard",
			description = "Activities by type and by year and type, conference totals (investors, enterprises, leads, "
					+ "MoUs, projects, registered capital per currency), commitments against their targets, the next "
					+ "review and its host, the ten most recent activities.")
	AgreementDashboardView agreement(@PathVariable String id) {
		return this.queries.agreement(id);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Live changes (server-sent events)",
			description = "A stream of dashboard-changed events carrying the agreement id (none when everything changed) "
					+ "whenever a projection changes; the page redraws the open view.")
	SseEmitter stream() {
		return this.stream.open();
	}

}
