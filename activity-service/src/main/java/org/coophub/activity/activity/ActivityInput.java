package org.coophub.activity.activity;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.common.Money;
import org.coophub.platform.web.TextInput;

/**
 * An activity as posted. Unknown JSON fields are ignored (docs/api.md).
 */
record ActivityInput(@NotBlank @Size(max = 64) String agreementId, @NotNull ActivityType type,
		@NotNull @Valid TextInput title, @Size(max = 4000) String description, @NotNull LocalDateTime startsAt,
		@NotNull LocalDateTime endsAt, @Size(max = 64) String timeZone, @Valid LocationInput location,
		@NotBlank @Size(max = 64) String hostOrganizationId,
		@Size(max = 50) List<@NotBlank String> participantOrganizationIds,
		@Size(max = 50) List<@NotBlank String> commitmentIds, ActivityStatus status, @Valid OutcomesInput outcomes) {

	static final String DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

	@AssertTrue(message = "must not be before startsAt")
	boolean isEndsAt() {
		return this.startsAt == null || this.endsAt == null || !this.endsAt.isBefore(this.startsAt);
	}

	ActivityDetails toDetails() {
		return new ActivityDetails(this.agreementId, this.type, this.title.toText(), this.description, this.startsAt,
				this.endsAt, (this.timeZone != null) ? this.timeZone : DEFAULT_TIME_ZONE,
				(this.location != null) ? new Location(this.location.province(), this.location.venue()) : null,
				this.hostOrganizationId, orEmpty(this.participantOrganizationIds), orEmpty(this.commitmentIds),
				(this.status != null) ? this.status : ActivityStatus.PLANNED,
				(this.outcomes != null) ? this.outcomes.toOutcomes() : null);
	}

	private static List<String> orEmpty(List<String> values) {
		return (values != null) ? values.stream().distinct().toList() : List.of();
	}

	record LocationInput(@Size(max = 100) String province, @Size(max = 300) String venue) {
	}

	record MoneyInput(@NotNull @DecimalMin("0") @Digits(integer = 18, fraction = 2) BigDecimal amount,
			@NotNull @Pattern(regexp = "VND|USD", message = "must be VND or USD") String currency) {
	}

	record OutcomesInput(@PositiveOrZero @Max(1_000_000) Integer investorsAttending,
			@PositiveOrZero @Max(1_000_000) Integer enterprisesAttending,
			@PositiveOrZero @Max(1_000_000) Integer investmentLeads, @PositiveOrZero @Max(100_000) Integer mousSigned,
			@PositiveOrZero @Max(100_000) Integer projectsRegistered, @Valid MoneyInput registeredCapital) {

		Outcomes toOutcomes() {
			Money capital = (this.registeredCapital != null)
					? new Money(this.registeredCapital.amount(), this.registeredCapital.currency()) : null;
			return new Outcomes(this.investorsAttending, this.enterprisesAttending, this.investmentLeads,
					this.mousSigned, this.projectsRegistered, capital);
		}

	}

}
