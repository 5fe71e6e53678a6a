package org.coophub.reporting.report;

/**
 * Lets tests outside the package hash bytes the way reports do.
 */
public final class AnnualReportsAccess {

	private AnnualReportsAccess() {
	}

	public static String sha256(byte[] bytes) {
		return AnnualReportRenderer.sha256(bytes);
	}

}
