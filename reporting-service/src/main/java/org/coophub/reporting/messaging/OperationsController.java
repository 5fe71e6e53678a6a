package org.coophub.reporting.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

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

	OperationsController(PipelineHealth health, ProjectionRebuild rebuild) {
		this.health = health;
		this.rebuild = rebuild;
	}

	@GetMapping("/api/v1/dashboard/pipeline")
	@Operation(summary = "Pipeline health",
			description = "From Kafka: consumerLag per consumer group and topic, the records each dead-letter topic holds,"
					+ " and this service's own outbox backlog.")
	PipelineHealth.Snapshot pipeline() throws Exception {
		return this.health.snapshot();
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
