package org.coophub.activity.activity;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coophub.activity.agreement.KnownAgreement;
import org.coophub.activity.agreement.KnownAgreements;
import org.coophub.activity.agreement.KnownOrganization;
import org.coophub.activity.agreement.KnownOrganizations;

/**
 * The agreements and organizations a file names, by code ({@code CTHT-LD-HCM},
 * {@code BQL-LD}, in any case) or by id, looked up once for the whole file: one query for
 * the agreements, one for the organizations, however many rows name them.
 */
final class ImportReferences {

	private final Map<String, KnownAgreement> agreements = new HashMap<>();

	private final Map<String, String> organizationIds = new HashMap<>();

	private ImportReferences() {
	}

	/**
	 * Looks up what the cells name.
	 * @param agreements the agreement read model
	 * @param organizations the organization read model
	 * @param agreementCells what the agreement cells say
	 * @param organizationCells what the host and participant cells say
	 * @return the references
	 */
	static ImportReferences load(KnownAgreements agreements, KnownOrganizations organizations,
			Collection<String> agreementCells, Collection<String> organizationCells) {
		ImportReferences references = new ImportReferences();
		if (!agreementCells.isEmpty()) {
			for (KnownAgreement agreement : agreements.findByCodesOrIds(withUpperCase(agreementCells))) {
				references.agreements.put(agreement.id(), agreement);
				if (agreement.code() != null) {
					references.agreements.put(key(agreement.code()), agreement);
				}
			}
		}
		if (!organizationCells.isEmpty()) {
			for (KnownOrganization organization : organizations.findByCodesOrIds(withUpperCase(organizationCells))) {
				references.organizationIds.put(organization.id(), organization.id());
				if (organization.code() != null) {
					references.organizationIds.put(key(organization.code()), organization.id());
				}
			}
		}
		return references;
	}

	/**
	 * The agreement a cell names: by id, or by its code in any case.
	 * @param cell the cell's text
	 * @return the agreement, if activity-service knows it
	 */
	Optional<KnownAgreement> agreement(String cell) {
		KnownAgreement byId = this.agreements.get(cell);
		return Optional.ofNullable((byId != null) ? byId : this.agreements.get(key(cell)));
	}

	/**
	 * The organization a cell names: the id of the organization with that code, or the
	 * cell as it is (an id; whether it may take part, the activity rules decide).
	 * @param cell the cell's text
	 * @return the organization's id
	 */
	String organizationId(String cell) {
		String byId = this.organizationIds.get(cell);
		if (byId != null) {
			return byId;
		}
		return this.organizationIds.getOrDefault(key(cell), cell);
	}

	/** Codes are compared in upper case: "bql-ld" names BQL-LD. */
	private static String key(String code) {
		return "code:" + code.strip().toUpperCase(Locale.ROOT);
	}

	/** The cells, and each in upper case, which is how codes are written. */
	private static Set<String> withUpperCase(Collection<String> cells) {
		Set<String> values = new LinkedHashSet<>(cells);
		cells.forEach((cell) -> values.add(cell.toUpperCase(Locale.ROOT)));
		return values;
	}

}
