package org.coophub.agreement.organization;

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
@RequestMapping("/api/v1/organizations")
class OrganizationController {

	private final OrganizationService organizations;

	OrganizationController(OrganizationService organizations) {
		this.organizations = organizations;
	}

	@PostMapping
	ResponseEntity<OrganizationView> register(@Valid @RequestBody OrganizationInput input) {
		Organization organization = this.organizations.register(input);
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + organization.id()))
			.eTag(Versions.etag(organization.version()))
			.body(OrganizationView.of(organization));
	}

	@GetMapping("/{id}")
	ResponseEntity<OrganizationView> get(@PathVariable String id) {
		OrganizationView view = OrganizationView.of(this.organizations.get(id));
		return Versions.ok(view, view.version());
	}

	@GetMapping
	PagedModel<OrganizationView> list(Pageable pageable) {
		return new PagedModel<>(this.organizations.list(pageable).map(OrganizationView::of));
	}

}
