package org.coophub.agreement.agreement;

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
import jakarta.validation.constraints.Size;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.agreement.Target;
import org.coophub.platform.web.TextInput;

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
		@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9._-]*",
				message = "must be upper-case letters, digits, '.', '_' or '-'") String code,
		@NotNull @Valid TextInput title, @NotNull @Size(min = 2, max = 20) List<@NotNull @Valid PartyInput> parties,
		@NotNull LocalDate signedOn, @NotNull LocalDate startsOn, LocalDate endsOn, @Size(max = 64) String timeZone,
		@NotEmpty List<@NotNull Area> areas, @Size(max = 100) List<@NotNull @Valid CommitmentInput> commitments,
		@NotNull @Valid ReviewPolicyInput reviewPolicy) {

	static final String DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

	static final List<Integer> DEFAULT_LEAD_DAYS = List.of(30, 7, 1);

	AgreementTerms toTerms() {
		String zone = (this.timeZone != null) ? this.timeZone : DEFAULT_TIME_ZONE;
		List<Commitment> commitmentList = (this.commitments != null)
				? this.commitments.stream().map(CommitmentInput::toCommitment).toList() : List.of();
		return new AgreementTerms(this.code, this.title.toText(),
				this.parties.stream().map((p) -> new Party(p.organizationId(), p.role())).toList(), this.signedOn,
				this.startsOn, this.endsOn, zone, this.areas.stream().distinct().toList(), commitmentList,
				this.reviewPolicy.toPolicy(zone));
	}

	record PartyInput(@NotBlank @Size(max = 64) String organizationId, @NotNull PartyRole role) {
	}

	record TargetInput(@NotBlank @Size(max = 64) String metric, @Positive @Max(1000) int perYear) {
	}

	record CommitmentInput(@NotNull @Valid TextInput title, @NotNull Area area,
			@Size(max = 64) String responsibleOrganizationId, @Valid TargetInput target, LocalDate dueOn) {

		Commitment toCommitment() {
			Target goal = (this.target != null) ? new Target(this.target.metric(), this.target.perYear()) : null;
			return new Commitment(UUID.randomUUID().toString(), this.title.toText(), this.area,
					this.responsibleOrganizationId, goal, this.dueOn, CommitmentStatus.OPEN);
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
