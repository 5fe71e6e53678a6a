package org.coophub.reporting.dashboard;

import java.util.List;
import java.util.Map;

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
	List<PortfolioEntry> portfolio(@PageableDefault(size = DEFAULT_PAGE_SIZE) Pageable pageable) {
		Pageable page = PAGING.check(pageable);
		return this.queries.portfolio(page.getPageNumber(), page.getPageSize());
	}

	@GetMapping("/agreements/{id}")
	AgreementDashboardView agreement(@PathVariable String id) {
		return this.queries.agreement(id);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream() {
		return this.stream.open();
	}

}
