package org.coophub.agreement.organization;

/**
 * What kind of body an organization is. The names are stored and published as they are
 * ({@code OrganizationState.kind} stays a string on the wire), so a name never changes; a
 * request with another value is refused naming {@code kind} and listing these.
 */
public enum OrganizationKind {

	/**
	 * Ban Quản lý các khu công nghiệp: an industrial-zone authority (the program's
	 * parties).
	 */
	INDUSTRIAL_ZONE_AUTHORITY,

	/** Ủy ban nhân dân or a Sở: a provincial or city authority. */
	PROVINCIAL_AUTHORITY,

	/** Trung tâm xúc tiến đầu tư: an investment promotion agency. */
	INVESTMENT_PROMOTION_AGENCY,

	/** Hiệp hội doanh nghiệp: a business association. */
	BUSINESS_ASSOCIATION,

	/** Any other body. */
	OTHER

}
