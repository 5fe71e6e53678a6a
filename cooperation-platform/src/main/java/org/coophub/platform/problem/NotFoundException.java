package org.coophub.platform.problem;

/**
 * The resource asked for does not exist: 404. In Vietnamese its kind is looked up as
 * {@code coophub.problem.kind.<kind in lower case, words joined by '-'>} (e.g.
 * {@code coophub.problem.kind.review-schedule-of-agreement}), else named as given.
 */
public class NotFoundException extends RuntimeException implements LocalizedMessage {

	/** The message's key in cooperation-platform's {@code coophub-problems} bundle. */
	public static final String MESSAGE_KEY = "coophub.problem.not-found.detail";

	private final String kind;

	private final String id;

	public NotFoundException(String kind, Object id) {
		super(kind + " " + id + " does not exist");
		this.kind = kind;
		this.id = String.valueOf(id);
	}

	/** What was looked for, as the service named it ("Agreement"). */
	public String kind() {
		return this.kind;
	}

	@Override
	public String messageKey() {
		return MESSAGE_KEY;
	}

	/** The kind and the id, the id as text (never formatted as a number). */
	@Override
	public Object[] messageArguments() {
		return new Object[] { this.kind, this.id };
	}

}
