package org.coophub.agreement.agreement;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.coophub.agreement.agreement.AgreementInput.CommitmentInput;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.platform.problem.StaleVersionException;
import org.coophub.platform.web.FieldError;
import org.coophub.platform.web.Versions;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agreements")
@Tag(name = "Agreements",
		description = "Chương trình hợp tác: cooperation programs, their lifecycle, amendments " + "and commitments")
class AgreementController {

	/** Who made a change, until sign-in exists. */
	private final AgreementService agreements;

	AgreementController(AgreementService agreements) {
		this.agreements = agreements;
	}

	@PostMapping
	@Operation(summary = "Create a DRAFT agreement")
	ResponseEntity<AgreementView> create(@Valid @RequestBody AgreementInput input) {
		Agreement agreement = this.agreements.create(input.toTerms(), actor());
		return ResponseEntity.created(URI.create("/api/v1/agreements/" + agreement.id()))
			.eTag(Versions.etag(agreement.version()))
			.body(AgreementView.of(agreement));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Amend the terms (If-Match required, with a note saying why and optionally the day it "
			+ "takes effect, effectiveOn)")
	ResponseEntity<AgreementView> amend(@PathVariable String id, @Valid @RequestBody AgreementChanges changes,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.amend(id, changes, required(ifMatch), actor()));
	}

	@PostMapping("/{id}/activate")
	@Operation(summary = "DRAFT → ACTIVE (If-Match required; optional body {effectiveOn, note})")
	ResponseEntity<AgreementView> activate(@PathVariable String id,
			@Valid @RequestBody(required = false) TransitionInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.transition(id, Transition.ACTIVATE, orNone(input), required(ifMatch), actor()));
	}

	@PostMapping("/{id}/suspend")
	@Operation(summary = "ACTIVE → SUSPENDED (If-Match required; optional body {effectiveOn, note})")
	ResponseEntity<AgreementView> suspend(@PathVariable String id,
			@Valid @RequestBody(required = false) TransitionInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.transition(id, Transition.SUSPEND, orNone(input), required(ifMatch), actor()));
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "SUSPENDED → ACTIVE (If-Match required; optional body {effectiveOn, note})")
	ResponseEntity<AgreementView> resume(@PathVariable String id,
			@Valid @RequestBody(required = false) TransitionInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.transition(id, Transition.RESUME, orNone(input), required(ifMatch), actor()));
	}

	@PostMapping("/{id}/terminate")
	@Operation(summary = "ACTIVE or SUSPENDED → TERMINATED (If-Match required; optional body {effectiveOn, note})")
	ResponseEntity<AgreementView> terminate(@PathVariable String id,
			@Valid @RequestBody(required = false) TransitionInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.transition(id, Transition.TERMINATE, orNone(input), required(ifMatch), actor()));
	}

	@PostMapping("/{id}/renew")
	@Operation(summary = "EXPIRED → ACTIVE for the next period, starting the day after the last one ended "
			+ "(If-Match required)")
	ResponseEntity<AgreementView> renew(@PathVariable String id, @Valid @RequestBody(required = false) RenewInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		RenewInput renewal = (input != null) ? input : new RenewInput(null, null, null);
		return ok(this.agreements.renew(id, renewal, required(ifMatch), actor()));
	}

	@PostMapping("/{id}/commitments")
	@Operation(summary = "Add a commitment (If-Match on the agreement)")
	ResponseEntity<AgreementView> addCommitment(@PathVariable String id, @Valid @RequestBody CommitmentInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Agreement agreement = this.agreements.addCommitment(id, input, required(ifMatch), actor());
		return ResponseEntity.status(HttpStatus.CREATED)
			.eTag(Versions.etag(agreement.version()))
			.body(AgreementView.of(agreement));
	}

	@PatchMapping("/{id}/commitments/{commitmentId}")
	@Operation(summary = "Change a commitment, e.g. its status (If-Match on the agreement)")
	ResponseEntity<AgreementView> updateCommitment(@PathVariable String id, @PathVariable String commitmentId,
			@Valid @RequestBody CommitmentChanges changes,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.updateCommitment(id, commitmentId, changes, required(ifMatch), actor()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One agreement, now or as it stood at the end of a day (asOf, in its time zone, by the "
			+ "days its changes took effect)")
	ResponseEntity<AgreementView> get(@PathVariable String id, @Parameter(example = "2012-11-06") @RequestParam(
			required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		AgreementView view = (asOf != null) ? AgreementView.of(this.agreements.asOf(id, asOf))
				: AgreementView.of(this.agreements.get(id));
		return Versions.ok(view, view.version());
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Every version: who changed which fields, when it was recorded (at), from which day it "
			+ "takes effect (effectiveOn) and why")
	List<HistoryView> history(@PathVariable String id) {
		Agreement agreement = this.agreements.get(id);
		return agreement.history().stream().map((revision) -> HistoryView.of(revision, agreement.zone())).toList();
	}

	@GetMapping
	@Operation(summary = "List agreements, filtered by status, party, area and free text (q: each word begins a word "
			+ "of the code, titles or commitment titles, ignoring case and Vietnamese diacritics: \"lam d\" finds "
			+ "\"Lâm Đồng\"); size at most 200, sort by code (default) or signedOn")
	PagedModel<AgreementView> list(@RequestParam(required = false) AgreementStatus status,
			@RequestParam(required = false) String party, @RequestParam(required = false) Area area,
			@Parameter(example = "lam dong") @RequestParam(required = false) String q, Pageable pageable) {
		Pageable page = AgreementSearch.PAGING.check(pageable);
		return new PagedModel<>(
				this.agreements.list(new AgreementFilter(status, party, area, q), page).map(AgreementView::of));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Illegal status transition");
		problem.setProperty("currentStatus", ex.currentStatus());
		problem.setProperty("allowedActions", ex.allowedActions());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> periodConflict(PeriodConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict");
		problem.setProperty("errors", List.of(new FieldError(ex.field(), ex.getMessage())));
		problem.setProperty("conflictingAgreementId", ex.conflictingAgreementId());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	/**
	 * Every update names the version it was based on. Checked before anything is read, so
	 * a request without it touches nothing; the service compares it with the stored
	 * version.
	 */
	private static String required(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw StaleVersionException.missing();
		}
		return ifMatch;
	}

	private static TransitionInput orNone(TransitionInput input) {
		return (input != null) ? input : TransitionInput.NONE;
	}

	private static ResponseEntity<AgreementView> ok(Agreement agreement) {
		return Versions.ok(AgreementView.of(agreement), agreement.version());
	}

	/** Who the history and the events name: the signed-in user and their organization. */
	private static String actor() {
		return Actors.current().map(Actor::name).orElse(Agreement.ANONYMOUS);
	}

}
