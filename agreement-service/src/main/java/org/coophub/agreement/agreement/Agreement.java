package org.coophub.agreement.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.OutboxDocument;
import org.coophub.platform.problem.ConflictException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cooperation program (chương trình hợp tác) between two or more organizations.
 */
@Document("agreements")
public class Agreement extends OutboxDocument {

	@Id
	private final String id;

	@Indexed(unique = true)
	private final String code;

	private LocalizedText title;

	private List<Party> parties;

	private LocalDate signedOn;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private String timeZone;

	private List<Area> areas;

	private AgreementStatus status;

	private List<Commitment> commitments;

	private ReviewPolicy reviewPolicy;

	@PersistenceCreator
	Agreement(String id, String code) {
		this.id = id;
		this.code = code;
	}

	static Agreement draft(AgreementTerms terms) {
		Agreement agreement = new Agreement(UUID.randomUUID().toString(), terms.code());
		agreement.title = terms.title();
		agreement.parties = List.copyOf(terms.parties());
		agreement.signedOn = terms.signedOn();
		agreement.startsOn = terms.startsOn();
		agreement.endsOn = terms.endsOn();
		agreement.timeZone = terms.timeZone();
		agreement.areas = List.copyOf(terms.areas());
		agreement.commitments = List.copyOf(terms.commitments());
		agreement.reviewPolicy = terms.reviewPolicy();
		agreement.status = AgreementStatus.DRAFT;
		agreement.version = 1;
		return agreement;
	}

	DomainEvent created(Instant now) {
		return new AgreementCreated(UUID.randomUUID().toString(), now, this.id, this.version, state());
	}

	DomainEvent activate(Instant now) {
		if (this.status != AgreementStatus.DRAFT) {
			throw new ConflictException(
					"Agreement " + this.code + " is " + this.status + "; only a DRAFT agreement can be activated");
		}
		this.status = AgreementStatus.ACTIVE;
		this.version++;
		return new AgreementStatusChanged(UUID.randomUUID().toString(), now, this.id, this.version, state());
	}

	AgreementState state() {
		return new AgreementState(this.id, this.code, this.title, this.parties, this.signedOn, this.startsOn,
				this.endsOn, this.timeZone, this.areas, this.status, this.commitments, this.reviewPolicy);
	}

	public String id() {
		return this.id;
	}

}
