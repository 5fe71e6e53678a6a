package org.coophub.agreement.agreement;

import java.time.LocalDate;
import java.util.List;

import org.coophub.events.common.LocalizedText;
import org.coophub.platform.text.SearchText;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps an agreement's code and titles unique per period: no two agreements whose
 * effective periods overlap may share a code or a title (vi or en, compared without case,
 * diacritics or extra spaces). The same code may come back for a later period, and an
 * agreement renewed for its next period is still one agreement. Every status counts: a
 * terminated or expired program's period stays on record and in its reports.
 *
 * <p>
 * Checked before the write, so two requests racing with the same code could both pass; a
 * MongoDB unique index cannot say "overlapping", and agreements are created by hand,
 * rarely, by the few staff of the partners.
 */
@Component
class AgreementPeriods {

	private final MongoTemplate mongo;

	AgreementPeriods(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * @param id the agreement being changed, or null for a new one
	 * @param terms its terms after the change
	 * @throws PeriodConflictException naming {@code code}, {@code title.vi} or
	 * {@code title.en}
	 */
	void requireUnique(String id, AgreementTerms terms) {
		List<String> keys = Agreement.titleKeys(terms.title());
		Criteria sameCodeOrTitle = new Criteria().orOperator(Criteria.where("code").is(terms.code()),
				Criteria.where("titleKeys").in(keys));
		Query query = (id != null)
				? Query.query(new Criteria().andOperator(sameCodeOrTitle, Criteria.where("_id").ne(id)))
				: Query.query(sameCodeOrTitle);
		for (Agreement other : this.mongo.find(query, Agreement.class)) {
			AgreementTerms theirs = other.terms();
			if (!overlap(terms.startsOn(), terms.endsOn(), theirs.startsOn(), theirs.endsOn())) {
				continue;
			}
			if (theirs.code().equals(terms.code())) {
				throw conflict("code", other, "code " + terms.code(), "agreement.period-conflict.code");
			}
			if (same(terms.title().vi(), theirs.title().vi())) {
				throw conflict("title.vi", other, "Vietnamese title", "agreement.period-conflict.title-vi");
			}
			if (same(terms.title().en(), theirs.title().en())) {
				throw conflict("title.en", other, "English title", "agreement.period-conflict.title-en");
			}
		}
	}

	/**
	 * Whether two periods share a day; a period without an end runs on for ever.
	 */
	static boolean overlap(LocalDate aStart, LocalDate aEnd, LocalDate bStart, LocalDate bEnd) {
		boolean aEndsBeforeB = aEnd != null && aEnd.isBefore(bStart);
		boolean bEndsBeforeA = bEnd != null && bEnd.isBefore(aStart);
		return !aEndsBeforeB && !bEndsBeforeA;
	}

	private static boolean same(String a, String b) {
		return a != null && b != null && SearchText.fold(a).equals(SearchText.fold(b));
	}

	private static PeriodConflictException conflict(String field, Agreement other, String what, String messageKey) {
		AgreementTerms theirs = other.terms();
		return new PeriodConflictException(field, other.id(),
				"Agreement " + theirs.code() + " (" + other.id() + ") already has this " + what + " for its period "
						+ theirs.startsOn() + " – " + ((theirs.endsOn() != null) ? theirs.endsOn() : "open-ended")
						+ ", which overlaps this one",
				(theirs.endsOn() != null) ? messageKey : messageKey + ".open-ended", theirs.code(), other.id(),
				theirs.startsOn().toString(), String.valueOf(theirs.endsOn()));
	}

}
