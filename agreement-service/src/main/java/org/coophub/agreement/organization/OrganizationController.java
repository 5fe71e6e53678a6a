package org.coophub.agreement.organization;

import java.util.Optional;
import java.util.Set;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.coophub.platform.problem.StaleVersionException;
import org.coophub.platform.web.Versions;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations",
		description = "Ban Quản lý and other parties to cooperation programs, with their " + "departments and contacts")
class OrganizationController {

	private final OrganizationService organizations;

	private final ContactVisibility visibility;

	OrganizationController(OrganizationService organizations, ContactVisibility visibility) {
		this.organizations = organizations;
		this.visibility = visibility;
	}

	@PostMapping
	ResponseEntity<OrganizationView> register(@Valid @RequestBody OrganizationInput input) {
		Organization organization = this.organizations.register(input);
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + organization.id()))
			.eTag(Versions.etag(organization.version()))
			.body(OrganizationView.of(organization));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change an organization (If-Match required); contacts, when sent, replace the list")
	ResponseEntity<OrganizationView> update(@PathVariable String id, @Valid @RequestBody OrganizationChanges changes,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Organization organization = this.organizations.update(id, changes, required(ifMatch));
		return Versions.ok(OrganizationView.of(organization), organization.version());
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate instead of delete (If-Match required): no new agreement can name it")
	ResponseEntity<OrganizationView> deactivate(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Organization organization = this.organizations.deactivate(id, required(ifMatch));
		return Versions.ok(OrganizationView.of(organization), organization.version());
	}

	@GetMapping("/{id}")
	@Operation(summary = "An organization; its contacts' e-mail addresses only for parties of an agreement with it")
	ResponseEntity<OrganizationView> get(@PathVariable String id) {
		Optional<Set<String>> visible = this.visibility.visibleToCurrentUser();
		Organization organization = this.organizations.get(id);
		OrganizationView view = OrganizationView.of(organization,
				visible.map((ids) -> ids.contains(organization.id())).orElse(true));
		return Versions.ok(view, view.version());
	}

	@GetMapping
	@Operation(summary = "Organizations by code (size at most 200, sort only by code); contacts' e-mail addresses "
			+ "only for parties of an agreement with them")
	PagedModel<OrganizationView> list(Pageable pageable) {
		Pageable page = OrganizationService.PAGING.check(pageable);
		Optional<Set<String>> visible = this.visibility.visibleToCurrentUser();
		return new PagedModel<>(this.organizations.list(page)
			.map((organization) -> OrganizationView.of(organization,
					visible.map((ids) -> ids.contains(organization.id())).orElse(true))));
	}

	/**
	 * Every update names the version it was based on; checked before anything is read.
	 */
	private static String required(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw StaleVersionException.missing();
		}
		return ifMatch;
	}

}
