package org.coophub.agreement.agreement;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.coophub.agreement.agreement.AgreementInput.CommitmentInput;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.platform.paging.ListPage;
import org.coophub.platform.problem.StaleVersionException;
import org.coophub.platform.web.FieldError;
import org.coophub.platform.web.Versions;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;
import org.coophub.platform.zone.ProgramZone;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agreements")
@Tag(name = "Agreements",
		description = "Chương trình hợp tác: cooperation programs, their lifecycle, amendments " + "and commitments")
class AgreementController {

	/** Who made a change, until sign-in exists. */
	private final AgreementService agreements;

	private final ProgramZone programZone;

	private final ConflictTexts conflictTexts;

	AgreementController(AgreementService agreements, ProgramZone programZone, MessageSource messages) {
		this.agreements = agreements;
		this.programZone = programZone;
		this.conflictTexts = new ConflictTexts(messages);
	}

	@PostMapping
	@Operation(summary = "Create a DRAFT agreement",
			description = "Creates a DRAFT agreement: code and title {vi, en} (each unique per period), parties (2–20, "
					+ "each an active organization with a role), signedOn, startsOn, endsOn, timeZone, areas, "
					+ "commitments with their yearly targets and a review policy (host rotation among the parties). "
					+ "The party of the creator's own organization has accepted; every other party is PENDING until it"
					+ " answers. Answers 201 with Location and ETag → agreement.created.")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "409",
			description = "Another agreement whose period shares a day holds the code or a title (errors names code, "
					+ "title.vi or title.en; conflictingAgreementId names it). Nothing is stored or published.")
	ResponseEntity<AgreementView> create(@Valid @RequestBody AgreementInput input) {
		Agreement agreement = this.agreements.create(input.toTerms(this.programZone), actor());
		return ResponseEntity.created(URI.create("/api/v1/agreements/" + agreement.id()))
			.eTag(Versions.etag(agreement.version()))
			.body(AgreementView.of(agreement));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Amend the terms",
			description = "Changes any of title, parties, signedOn, startsOn, endsOn, timeZone, areas, reviewPolicy, with "
					+ "a required note (why) and an optional effectiveOn (the day it takes effect, default today; "
					+ "never before signedOn) → agreement.amended with changedFields. If-Match required. 422 when it "
					+ "breaks a rule or changes nothing; 409 when the agreement is TERMINATED or EXPIRED or the new "
					+ "title or period collides with another agreement's.")
	ResponseEntity<AgreementView> amend(@PathVariable String id, @Valid @RequestBody AgreementChanges changes,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.amend(id, changes, required(ifMatch), actor()));
	}

	@PostMapping("/{id}/activate")
	@Operation(summary = "DRAFT → ACTIVE (If-Match required; optional body {effectiveOn, note})",
			description = "Refused with 409 (title \"Parties have not accepted\", awaitingAcceptance: the "
					+ "organization ids) while any party has not accepted.")
	ResponseEntity<AgreementView> activate(@PathVariable String id,
			@Valid @RequestBody(required = false) TransitionInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.transition(id, Transition.ACTIVATE, orNone(input), required(ifMatch), actor()));
	}

	@PostMapping("/{id}/parties/{organizationId}/accept")
	@Operation(summary = "A party accepts to be named in the agreement (If-Match required; optional body {note})",
			description = "For an EDITOR of that organization or an ADMIN (403 otherwise; 404 when the organization "
					+ "is not a party). Accepts a PENDING or DECLINED party while the agreement is a DRAFT, or a "
					+ "party that has not accepted yet on an ACTIVE or SUSPENDED agreement (one an amendment added); "
					+ "409 otherwise. Its contacts become visible to the other parties; the answer is kept in the "
					+ "history and published as org.coophub.agreement.party-accepted.v1.")
	ResponseEntity<AgreementView> accept(@PathVariable String id, @PathVariable String organizationId,
			@Valid @RequestBody(required = false) PartyAnswerInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.answer(id, organizationId, PartyConsent.ACCEPTED, orNone(input).note(),
				required(ifMatch), actor()));
	}

	@PostMapping("/{id}/parties/{organizationId}/decline")
	@Operation(summary = "A party declines to be named in the agreement (If-Match required; optional body {note})",
			description = "For an EDITOR of that organization or an ADMIN (403 otherwise; 404 when the organization "
					+ "is not a party). Declines for a PENDING or ACCEPTED party while the agreement is a DRAFT, or "
					+ "for a PENDING party on an ACTIVE or SUSPENDED agreement; 409 otherwise. A declined party keeps "
					+ "the draft from being activated until it accepts or an amendment removes it; the answer is kept "
					+ "in the history and published as org.coophub.agreement.party-declined.v1.")
	ResponseEntity<AgreementView> decline(@PathVariable String id, @PathVariable String organizationId,
			@Valid @RequestBody(required = false) PartyAnswerInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.answer(id, organizationId, PartyConsent.DECLINED, orNone(input).note(),
				required(ifMatch), actor()));
	}

	@PostMapping("/{id}/suspend")
	@Operation(summary = "ACTIVE → SUSPENDED",
			description = "If-Match required; optional body {effectiveOn, note}: effectiveOn may be in the past, never in "
					+ "the future nor before the status last changed (422). From another status: 409 naming "
					+ "currentStatus and allowedActions.")
	ResponseEntity<AgreementView> suspend(@PathVariable String id,
			@Valid @RequestBody(required = false) TransitionInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.transition(id, Transition.SUSPEND, orNone(input), required(ifMatch), actor()));
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "SUSPENDED → ACTIVE",
			description = "If-Match required; optional body {effectiveOn, note}, as for every lifecycle change. From "
					+ "another status: 409 naming currentStatus and allowedActions.")
	ResponseEntity<AgreementView> resume(@PathVariable String id,
			@Valid @RequestBody(required = false) TransitionInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.transition(id, Transition.RESUME, orNone(input), required(ifMatch), actor()));
	}

	@PostMapping("/{id}/terminate")
	@Operation(summary = "ACTIVE or SUSPENDED → TERMINATED (final)",
			description = "If-Match required; optional body {effectiveOn, note}. A terminated agreement never changes "
					+ "again, and its period stays on record for the uniqueness of codes and titles. From another "
					+ "status: 409.")
	ResponseEntity<AgreementView> terminate(@PathVariable String id,
			@Valid @RequestBody(required = false) TransitionInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.transition(id, Transition.TERMINATE, orNone(input), required(ifMatch), actor()));
	}

	@PostMapping("/{id}/renew")
	@Operation(summary = "EXPIRED → ACTIVE for the next period",
			description = "If-Match required; optional body {endsOn, note, effectiveOn}. The period starts the day after "
					+ "the last one ended and, without endsOn, lasts as long as the last one; the earlier periods stay"
					+ " in the history. 409 from another status, or when another agreement holds the code or a title "
					+ "in the new period.")
	ResponseEntity<AgreementView> renew(@PathVariable String id, @Valid @RequestBody(required = false) RenewInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		RenewInput renewal = (input != null) ? input : new RenewInput(null, null, null);
		return ok(this.agreements.renew(id, renewal, required(ifMatch), actor()));
	}

	@PostMapping("/{id}/commitments")
	@Operation(summary = "Add a commitment",
			description = "Adds a commitment {title, area, responsibleOrganizationId (a party), target (yearly), dueOn, "
					+ "effectiveOn}, OPEN, in force from effectiveOn (default today; never before signedOn: 422). "
					+ "If-Match on the agreement required. Answers 201 with the agreement and its new ETag → "
					+ "commitment.added.")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<AgreementView> addCommitment(@PathVariable String id, @Valid @RequestBody CommitmentInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Agreement agreement = this.agreements.addCommitment(id, input, required(ifMatch), actor());
		return ResponseEntity.status(HttpStatus.CREATED)
			.eTag(Versions.etag(agreement.version()))
			.body(AgreementView.of(agreement));
	}

	@PatchMapping("/{id}/commitments/{commitmentId}")
	@Operation(summary = "Change a commitment",
			description = "Changes any of its fields (target as a whole, not effectiveOn) or its status OPEN, IN_PROGRESS,"
					+ " DONE or DROPPED. If-Match on the agreement required → commitment.updated.")
	ResponseEntity<AgreementView> updateCommitment(@PathVariable String id, @PathVariable String commitmentId,
			@Valid @RequestBody CommitmentChanges changes,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.agreements.updateCommitment(id, commitmentId, changes, required(ifMatch), actor()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One agreement, now or as it stood on a day",
			description = "The agreement with its version as ETag. With asOf (an ISO date), as it stood at the end of that"
					+ " day in its time zone by the days its changes took effect (404 before it was signed); version "
					+ "and ETag are then the newest version it includes.")
	ResponseEntity<AgreementView> get(@PathVariable String id, @Parameter(example = "2012-11-06") @RequestParam(
			required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		AgreementView view = (asOf != null) ? AgreementView.of(this.agreements.asOf(id, asOf))
				: AgreementView.of(this.agreements.get(id));
		return Versions.ok(view, view.version());
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Every version of the agreement",
			description = "In the order recorded: version, change, when it was recorded (at), from which day it takes "
					+ "effect (effectiveOn), who recorded it (actor), changedFields, note and status.")
	List<HistoryView> history(@PathVariable String id) {
		Agreement agreement = this.agreements.get(id);
		return agreement.history().stream().map((revision) -> HistoryView.of(revision, agreement.zone())).toList();
	}

	@GetMapping
	@Operation(summary = "List agreements",
			description = "Filtered by status, party (organization id), area and free text q: each word begins a word of "
					+ "the code, titles or commitment titles, ignoring case and Vietnamese diacritics (\"lam d\" finds"
					+ " \"Lâm Đồng\"). Paged (size at most 200), sorted by code (default) or signedOn, then id. With q,"
					+ " the total counts at most 1,000 matches: when more match, page.totalElements is 1,000 and "
					+ "page.totalCapped is true.")
	ListPage<AgreementView> list(@RequestParam(required = false) AgreementStatus status,
			@RequestParam(required = false) String party, @RequestParam(required = false) Area area,
			@Parameter(example = "lam dong") @RequestParam(required = false) String q, Pageable pageable) {
		Pageable page = AgreementSearch.PAGING.check(pageable);
		return this.agreements.list(new AgreementFilter(status, party, area, q), page).map(AgreementView::of);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.conflictTexts.detail(ex, locale));
		problem.setTitle(
				this.conflictTexts.title("agreement.illegal-transition.title", "Illegal status transition", locale));
		problem.setProperty("currentStatus", ex.currentStatus());
		problem.setProperty("allowedActions", ex.allowedActions());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> awaitingAcceptance(AwaitingAcceptanceException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.conflictTexts.detail(ex, locale));
		problem.setTitle(this.conflictTexts.title("agreement.awaiting-acceptance.title",
				AwaitingAcceptanceException.TITLE, locale));
		problem.setProperty("awaitingAcceptance", ex.awaitingAcceptance());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> periodConflict(PeriodConflictException ex, Locale locale) {
		String detail = this.conflictTexts.detail(ex, locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setTitle(this.conflictTexts.title("agreement.period-conflict.title", "Conflict", locale));
		problem.setProperty("errors", List.of(new FieldError(ex.field(), detail)));
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

	private static PartyAnswerInput orNone(PartyAnswerInput input) {
		return (input != null) ? input : PartyAnswerInput.NONE;
	}

	private static ResponseEntity<AgreementView> ok(Agreement agreement) {
		return Versions.ok(AgreementView.of(agreement), agreement.version());
	}

	/** Who the history and the events name: the signed-in user and their organization. */
	private static String actor() {
		return Actors.current().map(Actor::name).orElse(Agreement.ANONYMOUS);
	}

}
