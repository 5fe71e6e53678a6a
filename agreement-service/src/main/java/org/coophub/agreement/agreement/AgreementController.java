package org.coophub.agreement.agreement;

import java.net.URI;

import jakarta.validation.Valid;

import org.coophub.platform.web.Versions;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agreements")
class AgreementController {

	private final AgreementService agreements;

	AgreementController(AgreementService agreements) {
		this.agreements = agreements;
	}

	@PostMapping
	ResponseEntity<AgreementView> create(@Valid @RequestBody AgreementInput input) {
		Agreement agreement = this.agreements.create(input.toTerms());
		return ResponseEntity.created(URI.create("/api/v1/agreements/" + agreement.id()))
			.eTag(Versions.etag(agreement.version()))
			.body(AgreementView.of(agreement));
	}

	@PostMapping("/{id}/activate")
	AgreementView activate(@PathVariable String id) {
		return AgreementView.of(this.agreements.activate(id));
	}

	@GetMapping("/{id}")
	ResponseEntity<AgreementView> get(@PathVariable String id) {
		AgreementView view = AgreementView.of(this.agreements.get(id));
		return Versions.ok(view, view.version());
	}

	@GetMapping
	PagedModel<AgreementView> list(Pageable pageable) {
		return new PagedModel<>(this.agreements.list(pageable).map(AgreementView::of));
	}

}
