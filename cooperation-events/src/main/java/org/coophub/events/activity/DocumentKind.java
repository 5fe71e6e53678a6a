package org.coophub.events.activity;

/**
 * What kind of paper the partners exchanged.
 */
public enum DocumentKind {

	FORM, REGULATION, REPORT, OTHER

}
