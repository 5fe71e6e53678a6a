package org.coophub.reporting.dashboard;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/dashboard")
class DashboardController {

	private final DashboardQueries queries;

	private final DashboardStream stream;

	DashboardController(DashboardQueries queries, DashboardStream stream) {
		this.queries = queries;
		this.stream = stream;
	}

	@GetMapping
	List<PortfolioEntry> portfolio() {
		return this.queries.portfolio();
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
