package org.coophub.agreement.agreement;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coophub.agreement.agreement.AgreementInput.PartyInput;
import org.coophub.agreement.agreement.AgreementInput.ReviewPolicyInput;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Party;
import org.coophub.platform.web.PlainText;
import org.coophub.platform.web.TextInput;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A PATCH of an agreement's terms: the fields sent replace the stored ones, the others
 * stay. The code never changes; commitments change through their own resource.
 * {@code effectiveOn} is the day the amendment takes effect: today in the agreement's
 * time zone by default, in the past for history typed in later, in the future for an
 * amendment signed ahead, never before {@code signedOn}.
 */
record AgreementChanges(@Valid TextInput title, @Size(min = 2, max = 20) List<@NotNull @Valid PartyInput> parties,
		LocalDate signedOn, LocalDate startsOn, LocalDate endsOn, @Size(max = 64) String timeZone,
		@Size(min = 1) List<@NotNull Area> areas, @Valid ReviewPolicyInput reviewPolicy,
		@Schema(example = "Gia hạn đến hết năm 2030 theo biên bản sơ kết ngày 06/11/2012") @NotBlank @Size(
				max = 1000) @PlainText(multiline = true) String note,
		@Schema(example = "2012-11-06") LocalDate effectiveOn) {

	AgreementChanges(TextInput title, List<PartyInput> parties, LocalDate signedOn, LocalDate startsOn,
			LocalDate endsOn, String timeZone, List<Area> areas, ReviewPolicyInput reviewPolicy, String note) {
		this(title, parties, signedOn, startsOn, endsOn, timeZone, areas, reviewPolicy, note, null);
	}

	AgreementTerms applyTo(AgreementTerms current) {
		String zone = (this.timeZone != null) ? this.timeZone : current.timeZone();
		return new AgreementTerms(current.code(), (this.title != null) ? this.title.toText() : current.title(),
				(this.parties != null)
						? this.parties.stream().map((p) -> new Party(p.organizationId(), p.role())).toList()
						: current.parties(),
				or(this.signedOn, current.signedOn()), or(this.startsOn, current.startsOn()),
				or(this.endsOn, current.endsOn()), zone,
				(this.areas != null) ? this.areas.stream().distinct().toList() : current.areas(), current.commitments(),
				(this.reviewPolicy != null) ? this.reviewPolicy.toPolicy(zone) : current.reviewPolicy());
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
