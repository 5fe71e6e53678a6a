package org.coophub.reporting.dashboard;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/dashboard")
class DashboardController {

	static final int DEFAULT_PAGE_SIZE = 50;

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
	List<PortfolioEntry> portfolio(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
		return this.queries.portfolio(page, size);
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
