package org.coophub.reporting.dashboard;

import java.math.BigDecimal;
import java.util.Map;

import org.coophub.events.agreement.Target;

/**
 * What some activities of one year and one type add up to in a portfolio summary:
 * {@code planned} counts those not cancelled, {@code held} the completed ones, and the
 * outcome figures are sums over the completed ones (capital per currency, never
 * converted). Missing figures read as zero.
 *
 * @param planned activities not cancelled
 * @param held of those, the completed ones
 * @param investorsAttending investors at the completed ones
 * @param enterprisesAttending enterprises at the completed ones
 * @param investmentLeads investment leads of the completed ones
 * @param mousSigned MoUs signed at the completed ones
 * @param projectsRegistered projects registered at the completed ones
 * @param participants participants of the completed ones
 * @param documents documents shared by the completed ones
 * @param capital registered capital of the completed ones, per currency
 */
public record ActivityTotals(Long planned, Long held, Long investorsAttending, Long enterprisesAttending,
		Long investmentLeads, Long mousSigned, Long projectsRegistered, Long participants, Long documents,
		Map<String, BigDecimal> capital) {

	/**
	 * Figures never incremented are not stored: they read as zero.
	 */
	public ActivityTotals {
		planned = orZero(planned);
		held = orZero(held);
		investorsAttending = orZero(investorsAttending);
		enterprisesAttending = orZero(enterprisesAttending);
		investmentLeads = orZero(investmentLeads);
		mousSigned = orZero(mousSigned);
		projectsRegistered = orZero(projectsRegistered);
		participants = orZero(participants);
		documents = orZero(documents);
		capital = (capital != null) ? capital : Map.of();
	}

	private static Long orZero(Long value) {
		return (value != null) ? value : 0L;
	}

	/**
	 * What the completed activities achieved by a target's outcome, as
	 * {@link CommitmentTally} measures it.
	 * @param target the commitment's target
	 * @return the sum, zero for an unknown outcome
	 */
	BigDecimal outcome(Target target) {
		if (target.outcome() == null) {
			return BigDecimal.ZERO;
		}
		return switch (target.outcome()) {
			case "investorsAttending" -> BigDecimal.valueOf(this.investorsAttending);
			case "enterprisesAttending" -> BigDecimal.valueOf(this.enterprisesAttending);
			case "investmentLeads" -> BigDecimal.valueOf(this.investmentLeads);
			case "mousSigned" -> BigDecimal.valueOf(this.mousSigned);
			case "projectsRegistered" -> BigDecimal.valueOf(this.projectsRegistered);
			case "participants" -> BigDecimal.valueOf(this.participants);
			case "documents" -> BigDecimal.valueOf(this.documents);
			case "registeredCapital" -> (target.currency() != null) ? capital().entrySet()
				.stream()
				.filter((amount) -> target.currency().equalsIgnoreCase(amount.getKey()))
				.map(Map.Entry::getValue)
				.reduce(BigDecimal.ZERO, BigDecimal::add) : BigDecimal.ZERO;
			default -> BigDecimal.ZERO;
		};
	}

}
