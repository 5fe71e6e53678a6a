package org.coophub.activity.activity;

import java.util.List;

/**
 * A file that cannot be imported as a whole; nothing of it was stored.
 */
public class CsvRejectedException extends RuntimeException {

	private final List<CsvError> errors;

	private final boolean unreadable;

	CsvRejectedException(String message, List<CsvError> errors, boolean unreadable) {
		super(message);
		this.errors = List.copyOf(errors);
		this.unreadable = unreadable;
	}

	static CsvRejectedException unreadable(String message) {
		return new CsvRejectedException(message, List.of(), true);
	}

	static CsvRejectedException invalid(List<CsvError> errors) {
		return new CsvRejectedException(errors.size() + " problems in the file; nothing was imported", errors, false);
	}

	public List<CsvError> errors() {
		return this.errors;
	}

	/**
	 * The file itself could not be read (encoding, quoting, header): 400 rather than 422.
	 */
	public boolean isUnreadable() {
		return this.unreadable;
	}

}
