package org.coophub.activity.activity;

/**
 * The kinds of file an import reads and a template is written as; spelt as the API's
 * {@code format} parameter takes them.
 */
enum ImportFormat {

	csv, xlsx;

	/** What an Excel workbook is sent as. */
	static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}
