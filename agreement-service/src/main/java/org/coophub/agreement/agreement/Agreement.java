package org.coophub.agreement.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.coophub.events.agreement.AgreementAmended;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentAdded;
import org.coophub.events.agreement.CommitmentUpdated;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyAccepted;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.agreement.PartyDeclined;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.OutboxDocument;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.text.SearchText;
import org.coophub.platform.text.SearchTokens;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cooperation program (chương trình hợp tác) between two or more organizations. Every
 * change makes a new version, kept in {@code history} inside the same document, so the
 * change, its history entry and its outbox events are stored in one single-document
 * write. The compound indexes serve the list's filters in the list's orders
 * ({@link AgreementSearch}).
 */
@Document("agreements")
@CompoundIndex(name = "code_id", def = "{'code': 1, '_id': 1}")
@CompoundIndex(name = "signed_id", def = "{'signedOn': 1, '_id': 1}")
@CompoundIndex(name = "status_code", def = "{'status': 1, 'code': 1, '_id': 1}")
@CompoundIndex(name = "party_code", def = "{'parties.organizationId': 1, 'code': 1, '_id': 1}")
@CompoundIndex(name = "area_code", def = "{'areas': 1, 'code': 1, '_id': 1}")
public class Agreement extends OutboxDocument {

	static final String ANONYMOUS = "anonymous";

	@Id
	private final String id;

	/**
	 * Unique per period, not for ever ({@link AgreementPeriods}): no unique index. Named
	 * apart from the unique index {@code code} of earlier versions, which
	 * {@link LegacyCodeIndex} drops.
	 */
	@Indexed(name = "code_period")
	private final String code;

	private LocalizedText title;

	private List<Party> parties;

	private LocalDate signedOn;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private String timeZone;

	private List<Area> areas;

	@Indexed
	private AgreementStatus status;

	private List<Commitment> commitments;

	private ReviewPolicy reviewPolicy;

	/**
	 * What the free-text filter looks up ({@link SearchTokens}): the folded words of the
	 * code, the titles and the commitments' titles, with their prefixes; kept with every
	 * change, in the same write.
	 */
	@Indexed
	private List<String> searchTokens;

	/**
	 * The titles folded like {@link SearchText}, for the uniqueness check of
	 * {@link AgreementPeriods}.
	 */
	@Indexed
	private List<String> titleKeys;

	private List<Revision> history = new ArrayList<>();

	@PersistenceCreator
	Agreement(String id, String code) {
		this.id = id;
		this.code = code;
	}

	static Agreement draft(AgreementTerms terms) {
		Agreement agreement = new Agreement(UUID.randomUUID().toString(), terms.code());
		agreement.apply(terms);
		agreement.status = AgreementStatus.DRAFT;
		agreement.version = 1;
		return agreement;
	}

	/**
	 * The first version takes effect when the agreement was signed: a program typed in
	 * today that was signed in 2009 existed in 2009. A draft to be signed later exists
	 * from today.
	 */
	AgreementCreated created(Instant now, String actor) {
		LocalDate today = today(now);
		record(now, this.signedOn.isBefore(today) ? this.signedOn : today, actor, RevisionKind.CREATED, List.of(),
				null);
		return new AgreementCreated(UUID.randomUUID().toString(), now, this.id, this.version, state());
	}

	AgreementStatusChanged activate(Instant now) {
		return transition(Transition.ACTIVATE, now, ANONYMOUS);
	}

	AgreementStatusChanged transition(Transition transition, Instant now, String actor) {
		return transition(transition, TransitionInput.NONE, now, actor);
	}

	/**
	 * Changes the status with effect from the day asked ({@link #statusEffectiveOn}). An
	 * expiry takes effect the day after the period ended, or the day the status last
	 * changed if that is later: it is found by a job, maybe late, and an agreement typed
	 * in after its end expires when it was activated.
	 */
	AgreementStatusChanged transition(Transition transition, TransitionInput input, Instant now, String actor) {
		requireAllowed(transition);
		if (transition == Transition.RENEW) {
			throw new IllegalArgumentException("A renewal starts a new period: use renew(...)");
		}
		LocalDate today = today(now);
		LocalDate byDefault = (transition == Transition.EXPIRE && this.endsOn != null && this.endsOn.isBefore(today))
				? this.endsOn.plusDays(1) : today;
		LocalDate effectiveOn = statusEffectiveOn(input.effectiveOn(), byDefault, today);
		if (transition == Transition.ACTIVATE && !awaitingAcceptance().isEmpty()) {
			throw new AwaitingAcceptanceException(this.code, awaitingAcceptance());
		}
		this.status = transition.to();
		return statusChanged(transition, effectiveOn, now, actor, List.of("status"), input.note());
	}

	/**
	 * Whether the agreement's period is over on {@code today} (a date in its own time
	 * zone) while it still counts as running.
	 */
	boolean hasEndedBy(LocalDate today) {
		return Transition.EXPIRE.allowedFrom(this.status) && this.endsOn != null && this.endsOn.isBefore(today);
	}

	LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, zone());
	}

	/**
	 * Starts the next period of an expired agreement, right after the last one ended. The
	 * previous periods stay in the history.
	 * @param nextEndsOn the end of the next period, or null for a period as long as the
	 * last one
	 */
	AgreementStatusChanged renew(LocalDate nextEndsOn, String note, Instant now, String actor) {
		return renew(nextEndsOn, note, null, now, actor);
	}

	AgreementStatusChanged renew(LocalDate nextEndsOn, String note, LocalDate requestedEffectiveOn, Instant now,
			String actor) {
		requireAllowed(Transition.RENEW);
		LocalDate effectiveOn = statusEffectiveOn(requestedEffectiveOn, today(now), today(now));
		LocalDate nextStartsOn = this.endsOn.plusDays(1);
		LocalDate nextEnd = (nextEndsOn != null) ? nextEndsOn
				: nextStartsOn.plusDays(ChronoUnit.DAYS.between(this.startsOn, this.endsOn));
		if (!nextEnd.isAfter(nextStartsOn)) {
			throw new RuleViolationException("endsOn",
					"The next period starts on " + nextStartsOn + "; it must end after that",
					"agreement.renew.ends-too-early", nextStartsOn.toString());
		}
		this.startsOn = nextStartsOn;
		this.endsOn = nextEnd;
		this.status = Transition.RENEW.to();
		return statusChanged(Transition.RENEW, effectiveOn, now, actor, List.of("status", "startsOn", "endsOn"), note);
	}

	/**
	 * Changes the terms. After activation this is an amendment of what the partners
	 * signed; either way it is a new version with a note saying why.
	 */
	AgreementAmended amend(AgreementTerms changed, String note, String actor, Instant now) {
		return amend(changed, note, null, actor, now);
	}

	/**
	 * @param effectiveOn the day the amendment takes effect, or null for today in the
	 * agreement's time zone. It may be in the past (history typed in later) or in the
	 * future (an amendment signed ahead), never before the agreement was signed.
	 */
	AgreementAmended amend(AgreementTerms changed, String note, LocalDate effectiveOn, String actor, Instant now) {
		requireOpen("amended", "agreement.closed.amend");
		notBeforeSigned(effectiveOn, changed.signedOn(), "effectiveOn", "The amendment",
				"agreement.amendment.before-signed");
		AgreementRules.check(changed);
		// The request names parties without their answers: those kept keep theirs.
		AgreementTerms amended = changed.withParties(PartyConsents.onAmend(this.parties, changed.parties()));
		List<String> fields = changedFields(terms(), amended);
		if (fields.isEmpty()) {
			throw new RuleViolationException(null, "The request changes nothing", "request.changes-nothing");
		}
		LocalDate effective = (effectiveOn != null) ? effectiveOn : today(now);
		apply(amended);
		this.version++;
		record(now, effective, actor, RevisionKind.AMENDED, fields, note);
		return new AgreementAmended(UUID.randomUUID().toString(), now, this.id, this.version, state(), fields, note,
				actor, effective);
	}

	/**
	 * Adds a commitment in force from its {@code since} (the request's
	 * {@code effectiveOn}), today by default; never before the agreement was signed.
	 */
	CommitmentAdded addCommitment(Commitment commitment, String actor, Instant now) {
		requireOpen("given commitments", "agreement.closed.commitments");
		notBeforeSigned(commitment.since(), this.signedOn, "effectiveOn", "The commitment",
				"agreement.commitment.before-signed");
		TargetRules.check(commitment.target(), terms(), "target");
		LocalDate since = (commitment.since() != null) ? commitment.since() : today(now);
		Commitment added = new Commitment(commitment.id(), commitment.title(), commitment.area(),
				commitment.responsibleOrganizationId(), commitment.target(), commitment.dueOn(), commitment.status(),
				since);
		List<Commitment> next = new ArrayList<>(this.commitments);
		next.add(added);
		AgreementRules.check(terms().withCommitments(next));
		this.commitments = List.copyOf(next);
		this.version++;
		record(now, since, actor, RevisionKind.COMMITMENT_ADDED, List.of("commitments[" + added.id() + "]"), null);
		return new CommitmentAdded(UUID.randomUUID().toString(), now, this.id, this.version, added.id(), state(),
				since);
	}

	CommitmentUpdated updateCommitment(String commitmentId, Function<Commitment, Commitment> change, String actor,
			Instant now) {
		requireOpen("given commitments", "agreement.closed.commitments");
		Commitment current = commitment(commitmentId);
		Commitment changed = change.apply(current);
		List<String> fields = changedFields(current, changed);
		if (fields.isEmpty()) {
			throw new RuleViolationException(null, "The request changes nothing", "request.changes-nothing");
		}
		TargetRules.check(changed.target(), terms(), "target");
		List<Commitment> next = this.commitments.stream()
			.map((c) -> c.id().equals(commitmentId) ? changed : c)
			.toList();
		AgreementRules.check(terms().withCommitments(next));
		this.commitments = next;
		this.version++;
		record(now, today(now), actor, RevisionKind.COMMITMENT_UPDATED,
				fields.stream().map((field) -> "commitments[" + commitmentId + "]." + field).toList(), null);
		return new CommitmentUpdated(UUID.randomUUID().toString(), now, this.id, this.version, commitmentId, state());
	}

	Commitment commitment(String commitmentId) {
		return this.commitments.stream()
			.filter((c) -> c.id().equals(commitmentId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Commitment", commitmentId));
	}

	/**
	 * A party's acceptance of being named, from PENDING or DECLINED (a change of mind).
	 * @param note why, as the person answering wrote it, or null
	 */
	PartyAccepted accept(String organizationId, String note, String actor, Instant now) {
		answer(organizationId, PartyConsent.ACCEPTED, note, actor, now);
		return new PartyAccepted(UUID.randomUUID().toString(), now, this.id, this.version, state(), organizationId,
				note, actor);
	}

	/**
	 * A party's refusal, from PENDING, or from ACCEPTED while the agreement is a draft:
	 * once it runs, a party that accepted is bound by what it signed.
	 * @param note why, as the person answering wrote it, or null
	 */
	PartyDeclined decline(String organizationId, String note, String actor, Instant now) {
		answer(organizationId, PartyConsent.DECLINED, note, actor, now);
		return new PartyDeclined(UUID.randomUUID().toString(), now, this.id, this.version, state(), organizationId,
				note, actor);
	}

	/**
	 * The party with that organization.
	 * @throws NotFoundException when the organization is not a party
	 */
	Party party(String organizationId) {
		return this.parties.stream()
			.filter((party) -> party.organizationId().equals(organizationId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Party", organizationId + " of agreement " + this.code));
	}

	/** The ids of the parties that have not accepted yet (or declined). */
	List<String> awaitingAcceptance() {
		return PartyConsents.awaiting(this.parties);
	}

	/**
	 * The agreement as it stood at the end of {@code date}, by effective date
	 * ({@link EffectiveHistory}), if it existed then.
	 */
	Optional<Revision> asOf(LocalDate date) {
		return EffectiveHistory.asOf(history(), date, zone());
	}

	ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

	List<Revision> history() {
		return (this.history != null) ? List.copyOf(this.history) : List.of();
	}

	AgreementTerms terms() {
		return new AgreementTerms(this.code, this.title, this.parties, this.signedOn, this.startsOn, this.endsOn,
				this.timeZone, this.areas, this.commitments, this.reviewPolicy);
	}

	AgreementState state() {
		return new AgreementState(this.id, this.code, this.title, this.parties, this.signedOn, this.startsOn,
				this.endsOn, this.timeZone, this.areas, this.status, this.commitments, this.reviewPolicy);
	}

	List<String> searchTokens() {
		return (this.searchTokens != null) ? this.searchTokens : List.of();
	}

	/**
	 * The tokens the agreement's code, titles and commitments' titles give, for a
	 * document stored before agreements kept them ({@link AgreementTokenBackfill}).
	 */
	List<String> currentSearchTokens() {
		Stream<LocalizedText> titles = Stream.concat(Stream.of(this.title),
				(this.commitments != null) ? this.commitments.stream().map(Commitment::title) : Stream.empty());
		return SearchTokens
			.of(Stream
				.concat(Stream.of(this.code),
						titles.filter(Objects::nonNull).flatMap((title) -> Stream.of(title.vi(), title.en())))
				.toList());
	}

	public String id() {
		return this.id;
	}

	private void requireAllowed(Transition transition) {
		if (!transition.allowedFrom(this.status)) {
			throw new IllegalTransitionException(this.code, transition.action(), this.status);
		}
	}

	/**
	 * Records the answer. A draft takes any answer that changes something; an agreement
	 * already in force (ACTIVE, SUSPENDED) only the answer of a party that has not
	 * accepted yet, one an amendment added later; a closed one none. An answer to a draft
	 * takes effect when the draft does ({@link #draftedOn}), one to a running agreement
	 * today.
	 */
	private void answer(String organizationId, PartyConsent answer, String note, String actor, Instant now) {
		Party party = party(organizationId);
		PartyConsent current = party.consentOrAccepted();
		if (current == answer) {
			throw new ConflictException(
					"Party " + organizationId + " has already " + past(answer) + " agreement " + this.code,
					"agreement.party.already-" + past(answer), organizationId, this.code);
		}
		boolean inForce = this.status == AgreementStatus.ACTIVE || this.status == AgreementStatus.SUSPENDED;
		if (this.status != AgreementStatus.DRAFT && !(inForce && current != PartyConsent.ACCEPTED)) {
			throw new ConflictException(
					"Agreement " + this.code + " is " + this.status + "; party " + organizationId + " (" + current
							+ ") can no longer " + ((answer == PartyConsent.ACCEPTED) ? "accept" : "decline") + " it",
					"agreement.party.cannot-" + ((answer == PartyConsent.ACCEPTED) ? "accept" : "decline"), this.code,
					this.status.name(), organizationId, current.name());
		}
		this.parties = this.parties.stream()
			.map((p) -> p.organizationId().equals(organizationId) ? PartyConsents.with(p, answer) : p)
			.toList();
		this.version++;
		record(now, (this.status == AgreementStatus.DRAFT) ? draftedOn() : today(now), actor,
				(answer == PartyConsent.ACCEPTED) ? RevisionKind.PARTY_ACCEPTED : RevisionKind.PARTY_DECLINED,
				List.of(PartyConsents.consentField(organizationId)), note);
	}

	/**
	 * The day the draft took effect (its first version). An answer to a draft takes
	 * effect from then: a program typed in years after it was signed, and activated with
	 * effect from back then, had its parties' consent back then too.
	 */
	private LocalDate draftedOn() {
		return history().stream()
			.filter((revision) -> revision.change() == RevisionKind.CREATED)
			.map((revision) -> revision.effectiveIn(zone()))
			.findFirst()
			.orElse(this.signedOn);
	}

	private static String past(PartyConsent answer) {
		return (answer == PartyConsent.ACCEPTED) ? "accepted" : "declined";
	}

	private void requireOpen(String what, String messageKey) {
		if (this.status == AgreementStatus.TERMINATED || this.status == AgreementStatus.EXPIRED) {
			throw new ConflictException(
					"Agreement " + this.code + " is " + this.status + "; a closed agreement cannot be " + what,
					messageKey, this.code, this.status.name());
		}
	}

	private AgreementStatusChanged statusChanged(Transition transition, LocalDate effectiveOn, Instant now,
			String actor, List<String> fields, String note) {
		this.version++;
		record(now, effectiveOn, actor, RevisionKind.of(transition), fields, note);
		return new AgreementStatusChanged(UUID.randomUUID().toString(), now, this.id, this.version, state(),
				effectiveOn);
	}

	/**
	 * The day a status change takes effect. One asked for may be in the past, not in the
	 * future (the status changes now: what may be recorded depends on it), not before the
	 * agreement was signed, and not before the status last changed, so that replaying the
	 * history in effective order gives the statuses in the order they happened.
	 */
	private LocalDate statusEffectiveOn(LocalDate requested, LocalDate byDefault, LocalDate today) {
		LocalDate lastChange = history().stream()
			.filter(Revision::changesStatus)
			.map((revision) -> revision.effectiveIn(zone()))
			.max(LocalDate::compareTo)
			.orElse(null);
		if (requested == null) {
			return (lastChange != null && byDefault.isBefore(lastChange)) ? lastChange : byDefault;
		}
		if (requested.isAfter(today)) {
			throw new RuleViolationException("effectiveOn",
					"A status change takes effect today or earlier; " + requested + " is after today, " + today,
					"agreement.status-change.in-future", requested.toString(), today.toString());
		}
		notBeforeSigned(requested, this.signedOn, "effectiveOn", "The status change",
				"agreement.status-change.before-signed");
		if (lastChange != null && requested.isBefore(lastChange)) {
			throw new RuleViolationException("effectiveOn",
					"The status last changed with effect from " + lastChange
							+ "; this change cannot take effect before that",
					"agreement.status-change.before-last-change", lastChange.toString());
		}
		return requested;
	}

	private static void notBeforeSigned(LocalDate effectiveOn, LocalDate signedOn, String field, String what,
			String messageKey) {
		if (effectiveOn != null && effectiveOn.isBefore(signedOn)) {
			throw new RuleViolationException(field,
					what + " cannot take effect on " + effectiveOn + ", before the agreement was signed on " + signedOn,
					messageKey, effectiveOn.toString(), signedOn.toString());
		}
	}

	private void apply(AgreementTerms terms) {
		this.title = terms.title();
		this.titleKeys = titleKeys(terms.title());
		this.parties = List.copyOf(terms.parties());
		this.signedOn = terms.signedOn();
		this.startsOn = terms.startsOn();
		this.endsOn = terms.endsOn();
		this.timeZone = terms.timeZone();
		this.areas = List.copyOf(terms.areas());
		this.commitments = List.copyOf(terms.commitments());
		this.reviewPolicy = terms.reviewPolicy();
	}

	private void record(Instant now, LocalDate effectiveOn, String actor, RevisionKind change, List<String> fields,
			String note) {
		if (this.history == null) {
			this.history = new ArrayList<>();
		}
		this.history.add(new Revision(this.version, now, effectiveOn, actor, change, fields, note, state()));
		this.searchTokens = currentSearchTokens();
	}

	static List<String> titleKeys(LocalizedText title) {
		return Stream.of(title.vi(), title.en()).filter(Objects::nonNull).map(SearchText::fold).distinct().toList();
	}

	private static List<String> changedFields(AgreementTerms before, AgreementTerms after) {
		List<String> fields = new ArrayList<>();
		addIfChanged(fields, "title", before.title(), after.title());
		addIfChanged(fields, "parties", before.parties(), after.parties());
		addIfChanged(fields, "signedOn", before.signedOn(), after.signedOn());
		addIfChanged(fields, "startsOn", before.startsOn(), after.startsOn());
		addIfChanged(fields, "endsOn", before.endsOn(), after.endsOn());
		addIfChanged(fields, "timeZone", before.timeZone(), after.timeZone());
		addIfChanged(fields, "areas", before.areas(), after.areas());
		addIfChanged(fields, "reviewPolicy", before.reviewPolicy(), after.reviewPolicy());
		return fields;
	}

	private static List<String> changedFields(Commitment before, Commitment after) {
		List<String> fields = new ArrayList<>();
		addIfChanged(fields, "title", before.title(), after.title());
		addIfChanged(fields, "area", before.area(), after.area());
		addIfChanged(fields, "responsibleOrganizationId", before.responsibleOrganizationId(),
				after.responsibleOrganizationId());
		addIfChanged(fields, "target", before.target(), after.target());
		addIfChanged(fields, "dueOn", before.dueOn(), after.dueOn());
		addIfChanged(fields, "status", before.status(), after.status());
		return fields;
	}

	private static void addIfChanged(List<String> fields, String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			fields.add(name);
		}
	}

}
