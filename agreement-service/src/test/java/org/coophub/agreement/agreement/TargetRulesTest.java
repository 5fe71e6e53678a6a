package org.coophub.agreement.agreement;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.coophub.events.activity.ActivityType;
import org.coophub.events.agreement.Target;
import org.coophub.events.agreement.TargetMeasure;
import org.coophub.events.agreement.YearTarget;
import org.coophub.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A target says what it counts in a way a report can compute; each mistake is refused
 * naming its field. The agreement of these tests runs from 2009-10-15 to 2029-12-31.
 */
class TargetRulesTest {

	static final AgreementTerms TERMS = AgreementTest.terms(AgreementTest.policy(List.of("hcm", "ld"), "hcm"));

	static final List<ActivityType> CONFERENCES = List.of(ActivityType.INVESTMENT_PROMOTION_CONFERENCE);

	static Target sum(String outcome, String currency, List<YearTarget> years) {
		return new Target("CAPITAL", 0, TargetMeasure.OUTCOME_SUM, CONFERENCES, outcome, currency,
				new BigDecimal("100000000000"), years, true);
	}

	static Stream<Arguments> badTargets() {
		return Stream
			.of(Arguments.of("an unknown outcome", sum("visitors", null, null), "target.outcome"),
					Arguments.of("a sum without an outcome", sum(null, null, null), "target.outcome"),
					Arguments.of("capital without a currency", sum("registeredCapital", null, null), "target.currency"),
					Arguments.of("capital in an unknown currency", sum("registeredCapital", "EUR", null),
							"target.currency"),
					Arguments.of("a currency for investors", sum("investorsAttending", "VND", null), "target.currency"),
					Arguments.of("an outcome counted as activities",
							new Target("X", 2, TargetMeasure.ACTIVITIES, CONFERENCES, "mousSigned", null, null, null,
									null),
							"target.outcome"),
					Arguments.of("types without a measure",
							new Target("X", 2, null, CONFERENCES, null, null, null, null, null), "target.measure"),
					Arguments.of("the area's activities without types",
							new Target("X", 2, TargetMeasure.ACTIVITIES, List.of(), null, null, null, null, true),
							"target.activityTypes"),
					Arguments.of("no yearly value",
							new Target("X", 0, TargetMeasure.ACTIVITIES, CONFERENCES, null, null, null, null, null),
							"target.perYear"),
					Arguments.of("a year twice",
							sum("mousSigned", null,
									List.of(new YearTarget(2012, BigDecimal.ONE),
											new YearTarget(2012, BigDecimal.TEN))),
							"target.years[1].year"),
					Arguments.of("a year before the agreement",
							sum("mousSigned", null, List.of(new YearTarget(2008, BigDecimal.ONE))),
							"target.years[0].year"),
					Arguments.of("a year after the agreement",
							sum("mousSigned", null, List.of(new YearTarget(2030, BigDecimal.ONE))),
							"target.years[0].year"));
	}

	@ParameterizedTest(name = "{0} is refused naming {2}")
	@MethodSource("badTargets")
	void aBadTargetIsRefusedNamingItsField(String what, Target target, String field) {
		assertThatThrownBy(() -> TargetRules.check(target, TERMS, "target"))
			.isInstanceOfSatisfying(RuleViolationException.class, (ex) -> assertThat(ex.field()).isEqualTo(field));
	}

	@Test
	void aLegacyTargetAndMeasuredOnesPass() {
		assertThatCode(() -> TargetRules.check(new Target("CONFERENCES", 2), TERMS, "target"))
			.doesNotThrowAnyException();
		assertThatCode(() -> TargetRules.check(
				sum("registeredCapital", "VND",
						List.of(new YearTarget(2009, BigDecimal.ZERO), new YearTarget(2029, new BigDecimal("5e10")))),
				TERMS, "target"))
			.doesNotThrowAnyException();
		assertThatCode(() -> TargetRules.check(
				new Target("CONFERENCES", 2, TargetMeasure.ACTIVITIES, CONFERENCES, null, null, null, null, true),
				TERMS, "target"))
			.doesNotThrowAnyException();
	}

	@Test
	void aYearlyValueDiffersWhereTheTargetSaysSo() {
		Target target = sum("mousSigned", null, List.of(new YearTarget(2012, BigDecimal.TEN)));
		assertThat(target.valueIn(2012)).isEqualByComparingTo("10");
		assertThat(target.valueIn(2013)).isEqualByComparingTo("100000000000");
	}

	@Test
	void onCreationTheFieldNamesTheCommitment() {
		AgreementTerms terms = TERMS
			.withCommitments(List.of(AgreementAmendmentTest.conferences(), new org.coophub.events.agreement.Commitment(
					"c-2", new org.coophub.events.common.LocalizedText("Thu hút vốn", null),
					org.coophub.events.agreement.Area.INVESTMENT_PROMOTION, "ld", sum("registeredCapital", "JPY", null),
					null, org.coophub.events.agreement.CommitmentStatus.OPEN)));
		assertThatThrownBy(() -> AgreementRules.check(terms)).isInstanceOfSatisfying(RuleViolationException.class,
				(ex) -> assertThat(ex.field()).isEqualTo("commitments[1].target.currency"));
	}

}
