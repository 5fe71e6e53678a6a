package org.coophub.reporting.dashboard;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The count guards one generation's summaries hold for entries stored since, by
 * agreement: the guards a write of the entries made redundant, released by the next count
 * of the same agreement in the same update, so that releasing costs no command of its own
 * (see {@link PortfolioTally}). Kept in memory: what a crash or a collision forgets stays
 * in the summary, a few versions that refuse nothing the stored entries do not refuse.
 */
final class GuardsToRelease {

	private final Map<String, Map<String, Long>> byAgreement = new ConcurrentHashMap<>();

	/**
	 * @return the guards of the agreement to release, by entry key, with the version
	 * stored; the caller releases them or forgets them
	 */
	Map<String, Long> take(String agreementId) {
		Map<String, Long> taken = this.byAgreement.remove(agreementId);
		return (taken != null) ? taken : Map.of();
	}

	/**
	 * Entries stored: their guards, up to the versions stored, may go.
	 * @param versions the version stored, by entry key
	 */
	void stored(String agreementId, Map<String, Long> versions) {
		this.byAgreement.merge(agreementId, new HashMap<>(versions), (pending, more) -> {
			Map<String, Long> merged = new HashMap<>(pending);
			more.forEach((key, version) -> merged.merge(key, version, Math::max));
			return merged;
		});
	}

}
