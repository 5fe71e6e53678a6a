package org.coophub.agreement.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.agreement.Target;
import org.coophub.events.agreement.TargetMeasure;
import org.coophub.events.agreement.YearTarget;
import org.coophub.platform.web.TextInput;
import org.coophub.platform.zone.ProgramZone;

/**
 * A new agreement as posted. Unknown JSON fields are ignored (docs/api.md).
 */
@Schema(example = """
		{"code": "CTHT-LD-HCM",
		 "title": {"vi": "Chương trình hợp tác giữa Ban Quản lý các KCN tỉnh Lâm Đồng và Ban Quản lý các KCX-KCN TP.HCM",
		           "en": "Cooperation program of the Lam Dong and HCMC industrial-zone authorities"},
		 "parties": [{"organizationId": "org-ld", "role": "LEAD"}, {"organizationId": "org-hcm", "role": "PARTNER"}],
		 "signedOn": "2009-10-15", "startsOn": "2009-10-15", "endsOn": "2029-12-31",
		 "areas": ["INVESTMENT_PROMOTION", "RAW_MATERIAL_SOURCING"],
		 "commitments": [{"title": {"vi": "Luân phiên tổ chức sơ kết hàng năm"}, "area": "OTHER",
		                  "responsibleOrganizationId": "org-ld", "target": {"metric": "ANNUAL_REVIEWS", "perYear": 1}}],
		 "reviewPolicy": {"month": 11, "day": 6, "hostRotation": ["org-hcm", "org-ld"],
		                  "lastHostOrganizationId": "org-hcm", "reminderLeadDays": [30, 7, 1]}}
		""")
record AgreementInput(
		@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9._-]*", message = "{code.pattern}") String code,
		@NotNull @Valid TextInput title, @NotNull @Size(min = 2, max = 20) List<@NotNull @Valid PartyInput> parties,
		@NotNull LocalDate signedOn, @NotNull LocalDate startsOn, LocalDate endsOn, @Size(max = 64) String timeZone,
		@NotEmpty List<@NotNull Area> areas, @Size(max = 100) List<@NotNull @Valid CommitmentInput> commitments,
		@NotNull @Valid ReviewPolicyInput reviewPolicy) {

	static final List<Integer> DEFAULT_LEAD_DAYS = List.of(30, 7, 1);

	/**
	 * The terms to create the agreement with.
	 * @param programZone the zone of an agreement that names none
	 * @return the terms
	 */
	AgreementTerms toTerms(ProgramZone programZone) {
		String zone = (this.timeZone != null) ? this.timeZone : programZone.id().getId();
		List<Commitment> commitmentList = (this.commitments != null)
				? this.commitments.stream().map(CommitmentInput::toCommitment).toList() : List.of();
		return new AgreementTerms(this.code, this.title.toText(),
				this.parties.stream().map((p) -> new Party(p.organizationId(), p.role())).toList(), this.signedOn,
				this.startsOn, this.endsOn, zone, this.areas.stream().distinct().toList(), commitmentList,
				this.reviewPolicy.toPolicy(zone));
	}

	record PartyInput(@NotBlank @Size(max = 64) String organizationId, @NotNull PartyRole role) {
	}

	/**
	 * A commitment's yearly target. {@code metric} and {@code perYear} alone are a legacy
	 * target (a count of the linked activities); the other fields say what is measured
	 * ({@link TargetRules}).
	 */
	@Schema(example = """
			{"metric": "REGISTERED_CAPITAL", "measure": "OUTCOME_SUM",
			 "activityTypes": ["INVESTMENT_PROMOTION_CONFERENCE"], "outcome": "registeredCapital", "currency": "VND",
			 "valuePerYear": 100000000000, "years": [{"year": 2012, "value": 50000000000}], "includeAreaActivities": true}
			""")
	record TargetInput(@NotBlank @Size(max = 64) String metric, @Positive @Max(1000) Integer perYear,
			TargetMeasure measure, @Size(max = 20) List<@NotNull ActivityType> activityTypes,
			@Size(max = 64) String outcome, @Size(max = 3) String currency, @PositiveOrZero BigDecimal valuePerYear,
			@Size(max = 100) List<@NotNull @Valid YearTargetInput> years, Boolean includeAreaActivities) {

		TargetInput(String metric, int perYear) {
			this(metric, perYear, null, null, null, null, null, null, null);
		}

		Target toTarget() {
			return new Target(this.metric, (this.perYear != null) ? this.perYear : 0, this.measure,
					(this.activityTypes != null) ? this.activityTypes.stream().distinct().toList() : null, this.outcome,
					this.currency, this.valuePerYear,
					(this.years != null) ? this.years.stream().map(YearTargetInput::toYearTarget).toList() : null,
					this.includeAreaActivities);
		}

	}

	record YearTargetInput(@NotNull Integer year, @NotNull @PositiveOrZero BigDecimal value) {

		YearTarget toYearTarget() {
			return new YearTarget(this.year, this.value);
		}

	}

	/**
	 * A commitment as given.
	 *
	 * @param effectiveOn the day the commitment takes effect (stored as its
	 * {@code since}); when adding one to an agreement, today by default
	 */
	record CommitmentInput(@NotNull @Valid TextInput title, @NotNull Area area,
			@Size(max = 64) String responsibleOrganizationId, @Valid TargetInput target, LocalDate dueOn,
			LocalDate effectiveOn) {

		Commitment toCommitment() {
			Target goal = (this.target != null) ? this.target.toTarget() : null;
			return new Commitment(UUID.randomUUID().toString(), this.title.toText(), this.area,
					this.responsibleOrganizationId, goal, this.dueOn, CommitmentStatus.OPEN, this.effectiveOn);
		}

	}

	record ReviewPolicyInput(@Min(1) @Max(12) int month, @Min(1) @Max(31) int day, @Size(max = 64) String timeZone,
			@NotEmpty @Size(max = 20) List<@NotBlank String> hostRotation, String lastHostOrganizationId,
			@Size(max = 10) List<@NotNull @Positive @Max(366) Integer> reminderLeadDays) {

		ReviewPolicy toPolicy(String agreementZone) {
			List<Integer> leadDays = (this.reminderLeadDays != null && !this.reminderLeadDays.isEmpty())
					? this.reminderLeadDays : DEFAULT_LEAD_DAYS;
			return new ReviewPolicy(this.month, this.day, (this.timeZone != null) ? this.timeZone : agreementZone,
					List.copyOf(this.hostRotation), this.lastHostOrganizationId, leadDays);
		}

	}

}
