package org.coophub.activity.activity;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.coophub.activity.activity.ActivityInput.LocationInput;
import org.coophub.activity.activity.ActivityInput.OutcomesInput;
import org.coophub.events.activity.Location;
import org.coophub.platform.web.PlainText;
import org.coophub.platform.web.TextInput;

/**
 * The request bodies that change an activity after it was recorded.
 */
final class ActivityChanges {

	private ActivityChanges() {
	}

	/**
	 * A partial update: absent fields keep their value; dates move through rescheduling.
	 * Outcomes, when given, replace the outcomes as a whole. Whether the partners are
	 * notified is decided when the activity is recorded and kept.
	 */
	record Patch(@Valid TextInput title, @Size(max = 4000) @PlainText(multiline = true) String description,
			@Valid LocationInput location, @Size(max = 50) List<@NotBlank String> participantOrganizationIds,
			@Size(max = 50) List<@NotBlank @Size(max = 200) @Pattern(regexp = ActivityInput.ONE_ITEM,
					message = ActivityInput.ONE_ITEM_MESSAGE) String> participatingDepartments,
			@Size(max = 50) List<@NotBlank String> commitmentIds, @Valid OutcomesInput outcomes) {

		ActivityDetails applyTo(ActivityDetails d) {
			return new ActivityDetails(d.agreementId(), d.type(),
					(this.title != null) ? this.title.toText() : d.title(),
					(this.description != null) ? this.description : d.description(), d.startsAt(), d.endsAt(),
					d.timeZone(),
					(this.location != null)
							? new Location(this.location.province(), this.location.venue()) : d.location(),
					d.hostOrganizationId(),
					(this.participantOrganizationIds != null) ? ActivityInput.orEmpty(this.participantOrganizationIds)
							: d.participantOrganizationIds(),
					(this.participatingDepartments != null) ? ActivityInput.stripped(this.participatingDepartments)
							: d.participatingDepartments(),
					(this.commitmentIds != null) ? this.commitmentIds.stream().distinct().toList() : d.commitmentIds(),
					d.status(), (this.outcomes != null) ? this.outcomes.toOutcomes() : d.outcomes(),
					d.notifyPartners());
		}

	}

	record Completion(@Valid OutcomesInput outcomes) {
	}

	/**
	 * Why a planned activity will not take place; optional, kept with the activity.
	 */
	record Cancellation(@Size(max = 1000) @PlainText(multiline = true) String note) {
	}

	record NewDates(@NotNull LocalDateTime startsAt, @NotNull LocalDateTime endsAt,
			@Size(max = 1000) @PlainText(multiline = true) String note) {

		@AssertTrue(message = "{activity.ends-before-start}")
		boolean isEndsAt() {
			return this.startsAt == null || this.endsAt == null || !this.endsAt.isBefore(this.startsAt);
		}

	}

}
