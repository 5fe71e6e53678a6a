package org.coophub.agreement.agreement;

import java.util.List;

import org.coophub.platform.problem.ConflictException;

/**
 * An activation while some parties have not accepted to be parties: 409 naming them. An
 * organization is bound by a program only once it has said so.
 */
class AwaitingAcceptanceException extends ConflictException {

	static final String TITLE = "Parties have not accepted";

	private final List<String> awaitingAcceptance;

	AwaitingAcceptanceException(String code, List<String> awaitingAcceptance) {
		super(message(code, awaitingAcceptance), "agreement.awaiting-acceptance", code,
				String.join(", ", awaitingAcceptance));
		this.awaitingAcceptance = List.copyOf(awaitingAcceptance);
	}

	private static String message(String code, List<String> awaiting) {
		String ids = String.join(", ", awaiting);
		return "Chương trình " + code + " chưa thể có hiệu lực: các bên sau chưa chấp thuận tham gia: " + ids
				+ ". / Agreement " + code + " cannot be activated: these parties have not accepted: " + ids + ".";
	}

	List<String> awaitingAcceptance() {
		return this.awaitingAcceptance;
	}

}
