package org.coophub.agreement.organization;

import java.util.Optional;
import java.util.Set;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.coophub.platform.paging.ListPage;
import org.coophub.platform.problem.StaleVersionException;
import org.coophub.platform.web.Versions;

import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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
	@Operation(summary = "Register an organization",
			description = "Registers an organization: code (A-Z, 0-9, .-_), name {vi, en}, kind, province, departments and"
					+ " contacts (name, email, phone, department, role, language vi or en, notify, digest). An e-mail "
					+ "address names one contact (422 otherwise). Answers 201 with Location and ETag → "
					+ "organization.registered.")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "409",
			description = "An organization with this code is already registered. Nothing is stored or published.")
	ResponseEntity<OrganizationView> register(@Valid @RequestBody OrganizationInput input) {
		Organization organization = this.organizations.register(input);
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + organization.id()))
			.eTag(Versions.etag(organization.version()))
			.body(OrganizationView.of(organization));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change an organization",
			description = "Changes name, kind, province, departments or contacts; sent fields replace the stored ones and "
					+ "contacts, when sent, replace the whole list. If-Match required → organization.updated.")
	ResponseEntity<OrganizationView> update(@PathVariable String id, @Valid @RequestBody OrganizationChanges changes,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Organization organization = this.organizations.update(id, changes, required(ifMatch));
		return Versions.ok(OrganizationView.of(organization), organization.version());
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate an organization",
			description = "Deactivates instead of deleting: agreements and their history keep naming it, and no new or "
					+ "amended agreement can name it (422). If-Match required; 409 when it is already inactive.")
	ResponseEntity<OrganizationView> deactivate(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Organization organization = this.organizations.deactivate(id, required(ifMatch));
		return Versions.ok(OrganizationView.of(organization), organization.version());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One organization",
			description = "The organization with its version as ETag; its contacts' e-mail addresses only for the users of"
					+ " parties to an agreement with it (docs/security.md).")
	ResponseEntity<OrganizationView> get(@PathVariable String id) {
		Optional<Set<String>> visible = this.visibility.visibleToCurrentUser();
		Organization organization = this.organizations.get(id);
		OrganizationView view = OrganizationView.of(organization,
				visible.map((ids) -> ids.contains(organization.id())).orElse(true));
		return Versions.ok(view, view.version());
	}

	@GetMapping
	@Operation(summary = "List organizations",
			description = "Organizations by code (the only sort; size at most 200); contacts' e-mail addresses only for "
					+ "the users of parties to an agreement with them.")
	ListPage<OrganizationView> list(Pageable pageable) {
		Pageable page = OrganizationService.PAGING.check(pageable);
		Optional<Set<String>> visible = this.visibility.visibleToCurrentUser();
		return ListPage.of(this.organizations.list(page))
			.map((organization) -> OrganizationView.of(organization,
					visible.map((ids) -> ids.contains(organization.id())).orElse(true)));
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
