package org.coophub.activity.activity;

import java.util.List;

/**
 * A file that cannot be imported as a whole; nothing of it was stored. Its message and
 * title are in the language the request asked for.
 */
public class CsvRejectedException extends RuntimeException {

	/**
	 * The most errors an answer lists: a file of 20,000 bad rows would otherwise answer
	 * megabytes of them.
	 */
	static final int LISTED_ERRORS = 100;

	private final String title;

	private final List<CsvError> errors;

	private final int errorCount;

	private final boolean unreadable;

	private final String field;

	CsvRejectedException(String message, String title, List<CsvError> errors, boolean unreadable) {
		this(message, title, errors, unreadable, null);
	}

	private CsvRejectedException(String message, String title, List<CsvError> errors, boolean unreadable,
			String field) {
		super(message);
		this.title = title;
		this.field = field;
		this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), LISTED_ERRORS)));
		this.errorCount = errors.size();
		this.unreadable = unreadable;
	}

	static CsvRejectedException unreadable(ImportMessages messages, String message) {
		return new CsvRejectedException(message, messages.unreadableTitle(), List.of(), true);
	}

	/** A form upload without its {@code file} part. */
	static CsvRejectedException noFile(ImportMessages messages) {
		return new CsvRejectedException(messages.noFile(), messages.unreadableTitle(), List.of(), true, "file");
	}

	static CsvRejectedException invalid(ImportMessages messages, List<CsvError> errors) {
		return new CsvRejectedException(messages.invalid(errors.size(), LISTED_ERRORS), messages.invalidTitle(), errors,
				false);
	}

	static CsvRejectedException tooManyRows(ImportMessages messages, int maxRows) {
		return new CsvRejectedException(messages.tooManyRows(maxRows), messages.invalidTitle(), List.of(), false);
	}

	/** The problem's title, in the request's language. */
	public String title() {
		return this.title;
	}

	/** The request field at fault when it is not a cell of the file, else null. */
	public String field() {
		return this.field;
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
