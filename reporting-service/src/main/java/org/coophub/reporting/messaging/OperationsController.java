package org.coophub.reporting.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.Authentication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations: the pipeline's health for the dashboard, and rebuilding the projections
 * from the topics.
 */
@RestController
@Tag(name = "Operations", description = "Vận hành: the health of the event pipeline and the rebuild of the projections")
class OperationsController {

	private final PipelineHealth health;

	private final ProjectionRebuild rebuild;

	private final CallerToken tokens;

	OperationsController(PipelineHealth health, ProjectionRebuild rebuild, CallerToken tokens) {
		this.health = health;
		this.rebuild = rebuild;
		this.tokens = tokens;
	}

	@GetMapping("/api/v1/dashboard/pipeline")
	@Operation(summary = "Pipeline health",
			description = "From Kafka: consumerLag per consumer group and topic, the records each dead-letter topic holds,"
					+ " this service's own outbox backlog, and each service's readiness (UP while it reaches MongoDB and"
					+ " Kafka; DOWN, OUT_OF_SERVICE, UNREACHABLE or NO_ANSWER otherwise) with its outbox backlog and"
					+ " parked records, read from its metrics with the caller's token (null when it does not say).")
	PipelineHealth.Snapshot pipeline(Authentication caller) throws Exception {
		return this.health.snapshot(this.tokens.of(caller));
	}

	@PostMapping("/api/v1/admin/projections:rebuild")
	@Operation(summary = "Rebuild the projections",
			description = "Replays the three topics from the earliest offset into a fresh generation of collections, then "
					+ "switches readers over; the live consumers keep writing meanwhile. Answers {generation, records,"
					+ " skipped, millis}.")
	@ApiResponse(responseCode = "200", description = "The rebuild is done", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409", description = "A rebuild is already running on this instance.")
	ProjectionRebuild.Result rebuild() {
		return this.rebuild.rebuild();
	}

}
