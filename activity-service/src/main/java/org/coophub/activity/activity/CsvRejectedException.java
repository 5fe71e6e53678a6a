package org.coophub.activity.activity;

import java.util.List;

/**
 * A file that cannot be imported as a whole; nothing of it was stored.
 */
public class CsvRejectedException extends RuntimeException {

	/**
	 * The most errors an answer lists: a file of 20,000 bad rows would otherwise answer
	 * megabytes of them.
	 */
	static final int LISTED_ERRORS = 100;

	private final List<CsvError> errors;

	private final int errorCount;

	private final boolean unreadable;

	CsvRejectedException(String message, List<CsvError> errors, boolean unreadable) {
		super(message);
		this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), LISTED_ERRORS)));
		this.errorCount = errors.size();
		this.unreadable = unreadable;
	}

	static CsvRejectedException unreadable(String message) {
		return new CsvRejectedException(message, List.of(), true);
	}

	static CsvRejectedException invalid(List<CsvError> errors) {
		return new CsvRejectedException(
				errors.size() + " problems in the file; nothing was imported"
						+ ((errors.size() > LISTED_ERRORS) ? "; the first " + LISTED_ERRORS + " are listed" : ""),
				errors, false);
	}

	static CsvRejectedException tooManyRows(int maxRows) {
		return new CsvRejectedException("The file has more than " + maxRows
				+ " rows, the most imported at once; split it. Nothing was imported", List.of(), false);
	}

	/** The first {@value #LISTED_ERRORS} errors, in file order. */
	public List<CsvError> errors() {
		return this.errors;
	}

	/** How many errors there are in all, listed or not. */
	public int errorCount() {
		return this.errorCount;
	}

	/**
	 * The file itself could not be read (encoding, quoting, header): 400 rather than 422.
	 */
	public boolean isUnreadable() {
		return this.unreadable;
	}

}
