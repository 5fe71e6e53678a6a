package org.coophub.agreement.agreement;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.coophub.events.agreement.AgreementStatus;

import static org.coophub.events.agreement.AgreementStatus.ACTIVE;
import static org.coophub.events.agreement.AgreementStatus.DRAFT;
import static org.coophub.events.agreement.AgreementStatus.EXPIRED;
import static org.coophub.events.agreement.AgreementStatus.SUSPENDED;
import static org.coophub.events.agreement.AgreementStatus.TERMINATED;

/**
 * The lifecycle of an agreement: DRAFT → ACTIVE ⇄ SUSPENDED → TERMINATED; EXPIRED when
 * its period ends, and RENEW starts the next period of an expired one.
 */
enum Transition {

	ACTIVATE("activate", ACTIVE, DRAFT),

	SUSPEND("suspend", SUSPENDED, ACTIVE),

	RESUME("resume", ACTIVE, SUSPENDED),

	TERMINATE("terminate", TERMINATED, ACTIVE, SUSPENDED),

	/** Done by the expiry job, not asked for by people. */
	EXPIRE("expire", EXPIRED, ACTIVE, SUSPENDED),

	/**
	 * Only an expired agreement is renewed; a running one is extended by amending endsOn.
	 */
	RENEW("renew", ACTIVE, EXPIRED);

	private final String action;

	private final AgreementStatus to;

	private final Set<AgreementStatus> from;

	Transition(String action, AgreementStatus to, AgreementStatus first, AgreementStatus... rest) {
		this.action = action;
		this.to = to;
		this.from = EnumSet.of(first, rest);
	}

	String action() {
		return this.action;
	}

	AgreementStatus to() {
		return this.to;
	}

	boolean allowedFrom(AgreementStatus status) {
		return this.from.contains(status);
	}

	/** What a person may do with an agreement in this status, for error messages. */
	static List<String> allowedActions(AgreementStatus status) {
		return Arrays.stream(values())
			.filter((transition) -> transition != EXPIRE && transition.allowedFrom(status))
			.map(Transition::action)
			.toList();
	}

}
