package org.coophub.reporting.messaging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations: the pipeline's health for the dashboard, and rebuilding the projections
 * from the topics.
 */
@RestController
class OperationsController {

	private final PipelineHealth health;

	private final ProjectionRebuild rebuild;

	OperationsController(PipelineHealth health, ProjectionRebuild rebuild) {
		this.health = health;
		this.rebuild = rebuild;
	}

	@GetMapping("/api/v1/dashboard/pipeline")
	PipelineHealth.Snapshot pipeline() throws Exception {
		return this.health.snapshot();
	}

	@PostMapping("/api/v1/admin/projections:rebuild")
	ProjectionRebuild.Result rebuild() {
		return this.rebuild.rebuild();
	}

}
