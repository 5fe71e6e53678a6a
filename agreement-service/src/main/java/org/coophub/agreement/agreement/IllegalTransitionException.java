package org.coophub.agreement.agreement;

import java.util.List;

import org.coophub.events.agreement.AgreementStatus;
import org.coophub.platform.problem.ConflictException;

/**
 * A status change the lifecycle does not allow from the agreement's current status: 409
 * naming the current status and what is allowed from it.
 */
class IllegalTransitionException extends ConflictException {

	private final AgreementStatus currentStatus;

	private final List<String> allowedActions;

	IllegalTransitionException(String code, String action, AgreementStatus currentStatus) {
		super(message(code, action, currentStatus),
				Transition.allowedActions(currentStatus).isEmpty() ? "agreement.illegal-transition.closed"
						: "agreement.illegal-transition",
				code, currentStatus.name(), action, String.join(", ", Transition.allowedActions(currentStatus)));
		this.currentStatus = currentStatus;
		this.allowedActions = Transition.allowedActions(currentStatus);
	}

	private static String message(String code, String action, AgreementStatus current) {
		List<String> allowed = Transition.allowedActions(current);
		return "Agreement " + code + " is " + current + " and cannot " + action + "; allowed from " + current + ": "
				+ (allowed.isEmpty() ? "nothing (it is closed)" : String.join(", ", allowed));
	}

	AgreementStatus currentStatus() {
		return this.currentStatus;
	}

	List<String> allowedActions() {
		return this.allowedActions;
	}

}
