package org.coophub.notification.reminder;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.common.Money;
import org.coophub.notification.notification.MailFormats;

/**
 * What the partners achieved since the last review, as every reminder summarizes it.
 *
 * @param activitiesCompleted activities completed
 * @param conferences investment and trade promotion conferences held
 * @param investorsAttending investors who attended them
 * @param enterprisesAttending enterprises who attended them
 * @param mousSigned memoranda of understanding signed
 * @param projectsRegistered projects registered
 * @param capital registered capital per currency
 * @param documentsExchanged documents, forms and regulations handed over
 * @param openCommitments commitments still open or in progress
 */
record ReviewDigest(int activitiesCompleted, int conferences, int investorsAttending, int enterprisesAttending,
		int mousSigned, int projectsRegistered, Map<String, BigDecimal> capital, int documentsExchanged,
		List<Commitment> openCommitments) {

	static ReviewDigest of(List<LoggedActivity> completed, List<Commitment> openCommitments) {
		int conferences = 0;
		int investors = 0;
		int enterprises = 0;
		int mous = 0;
		int projects = 0;
		int documents = 0;
		Map<String, BigDecimal> capital = new TreeMap<>();
		for (LoggedActivity activity : completed) {
			Outcomes outcomes = activity.outcomes();
			if (activity.type().isPromotion()) {
				conferences++;
			}
			if (outcomes == null) {
				continue;
			}
			investors += orZero(outcomes.investorsAttending());
			enterprises += orZero(outcomes.enterprisesAttending());
			mous += orZero(outcomes.mousSigned());
			projects += orZero(outcomes.projectsRegistered());
			documents += (outcomes.documents() != null) ? outcomes.documents().size() : 0;
			Money money = outcomes.registeredCapital();
			if (money != null && money.amount() != null) {
				capital.merge(money.currency(), money.amount(), BigDecimal::add);
			}
		}
		return new ReviewDigest(completed.size(), conferences, investors, enterprises, mous, projects, capital,
				documents, openCommitments);
	}

	/**
	 * The digest's figures as lines, keyed by their message ({@code digest.<key>}).
	 * @param language {@code vi} or {@code en}
	 * @return the lines in order
	 */
	Map<String, String> lines(String language) {
		Map<String, String> lines = new LinkedHashMap<>();
		lines.put("activitiesCompleted", String.valueOf(this.activitiesCompleted));
		lines.put("conferences", String.valueOf(this.conferences));
		lines.put("investorsAttending", String.valueOf(this.investorsAttending));
		lines.put("enterprisesAttending", String.valueOf(this.enterprisesAttending));
		lines.put("mousSigned", String.valueOf(this.mousSigned));
		lines.put("projectsRegistered", String.valueOf(this.projectsRegistered));
		if (!this.capital.isEmpty()) {
			lines.put("registeredCapital",
					String.join("; ",
							this.capital.entrySet()
								.stream()
								.map((e) -> MailFormats.money(new Money(e.getValue(), e.getKey()), language))
								.toList()));
		}
		lines.put("documentsExchanged", String.valueOf(this.documentsExchanged));
		return lines;
	}

	private static int orZero(Integer value) {
		return (value != null) ? value : 0;
	}

}
