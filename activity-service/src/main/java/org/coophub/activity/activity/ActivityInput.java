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
import org.coophub.events.activity.DocumentKind;
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.activity.SharedDocument;
import org.coophub.events.common.Money;
import org.coophub.platform.web.PlainText;
import org.coophub.platform.web.TextInput;
import org.coophub.platform.zone.ProgramZone;

/**
 * An activity as posted. Unknown JSON fields are ignored (docs/api.md).
 * {@code notifyPartners} absent means true: only history entered after the fact says
 * false, so that the partners are not e-mailed about it.
 */
record ActivityInput(@NotBlank @Size(max = 64) String agreementId, @NotNull ActivityType type,
		@NotNull @Valid TextInput title, @Size(max = 4000) @PlainText(multiline = true) String description,
		@NotNull LocalDateTime startsAt, @NotNull LocalDateTime endsAt, @Size(max = 64) String timeZone,
		@Valid LocationInput location, @NotBlank @Size(max = 64) String hostOrganizationId,
		@Size(max = 50) List<@NotBlank String> participantOrganizationIds,
		@Size(max = 50) List<@NotBlank @Size(max = 200) @Pattern(regexp = ONE_ITEM,
				message = ONE_ITEM_MESSAGE) String> participatingDepartments,
		@Size(max = 50) List<@NotBlank String> commitmentIds, ActivityStatus status, @Valid OutcomesInput outcomes,
		Boolean notifyPartners) {

	/** One line without the CSV list separator, so lists survive a CSV round trip. */
	static final String ONE_ITEM = "[^;\\r\\n]*";

	static final String ONE_ITEM_MESSAGE = "{activity.one-item}";

	/**
	 * An absolute http(s) URL; '|' is not allowed in URLs unescaped, and separates the
	 * parts of a document in CSV. The scheme in either case is spelled out instead of an
	 * inline {@code (?i)}: the OpenAPI document publishes the pattern, and clients check
	 * it with ECMA-262 regular expressions, which have no inline flags.
	 */
	static final String HTTP_URL = "[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#|]+[^\\s|]*";

	static final String HTTP_URL_MESSAGE = "{activity.http-url}";

	@AssertTrue(message = "{activity.ends-before-start}")
	boolean isEndsAt() {
		return this.startsAt == null || this.endsAt == null || !this.endsAt.isBefore(this.startsAt);
	}

	/**
	 * The details to record.
	 * @param programZone the zone of an activity that names none
	 * @return the details
	 */
	ActivityDetails toDetails(ProgramZone programZone) {
		return new ActivityDetails(this.agreementId, this.type, this.title.toText(), this.description, this.startsAt,
				this.endsAt, (this.timeZone != null) ? this.timeZone : programZone.id().getId(),
				(this.location != null) ? new Location(this.location.province(), this.location.venue()) : null,
				this.hostOrganizationId, orEmpty(this.participantOrganizationIds),
				stripped(this.participatingDepartments), orEmpty(this.commitmentIds),
				(this.status != null) ? this.status : ActivityStatus.PLANNED,
				(this.outcomes != null) ? this.outcomes.toOutcomes() : null, this.notifyPartners);
	}

	static List<String> orEmpty(List<String> values) {
		return (values != null) ? values.stream().distinct().toList() : List.of();
	}

	static List<String> stripped(List<String> values) {
		return (values != null) ? values.stream().map(String::strip).distinct().toList() : List.of();
	}

	record LocationInput(@Size(max = 100) @PlainText String province, @Size(max = 300) @PlainText String venue) {
	}

	record MoneyInput(@NotNull @DecimalMin("0") @Digits(integer = 18, fraction = 2) BigDecimal amount,
			@NotNull @Pattern(regexp = "VND|USD", message = "{activity.currency}") String currency) {
	}

	/**
	 * A document handed over; title and link on one line each, as CSV keeps one document
	 * per line of its cell.
	 */
	record DocumentInput(
			@NotBlank @Size(max = 300) @Pattern(regexp = "[^\\r\\n]*", message = "{activity.one-line}") String title,
			@NotNull DocumentKind kind,
			@NotBlank @Size(max = 2000) @Pattern(regexp = HTTP_URL, message = HTTP_URL_MESSAGE) String link) {

		SharedDocument toDocument() {
			return new SharedDocument(this.title.strip(), this.kind, this.link);
		}

	}

	/**
	 * What an activity achieved; which fields a type takes is a business rule
	 * ({@link OutcomeFields}), checked after the form. Empty lists count as absent.
	 */
	record OutcomesInput(@PositiveOrZero @Max(1_000_000) Integer investorsAttending,
			@PositiveOrZero @Max(1_000_000) Integer enterprisesAttending,
			@PositiveOrZero @Max(1_000_000) Integer investmentLeads, @PositiveOrZero @Max(100_000) Integer mousSigned,
			@PositiveOrZero @Max(100_000) Integer projectsRegistered, @Valid MoneyInput registeredCapital,
			@Size(max = 100) List<@NotNull @Valid DocumentInput> documents, @Size(max = 300) @PlainText String topic,
			@PositiveOrZero @Max(1_000_000) Integer participants,
			@Size(max = 2000) @Pattern(regexp = HTTP_URL, message = HTTP_URL_MESSAGE) String minutesLink,
			@Size(max = 50) List<@NotBlank @Size(max = 1000) @Pattern(regexp = "[^\\r\\n]*",
					message = "{activity.one-line}") String> planItems) {

		Outcomes toOutcomes() {
			Money capital = (this.registeredCapital != null)
					? new Money(this.registeredCapital.amount(), this.registeredCapital.currency()) : null;
			List<SharedDocument> shared = (this.documents != null && !this.documents.isEmpty())
					? this.documents.stream().map(DocumentInput::toDocument).toList() : null;
			List<String> plan = (this.planItems != null && !this.planItems.isEmpty())
					? this.planItems.stream().map(String::strip).toList() : null;
			String trimmedTopic = (this.topic != null && !this.topic.isBlank()) ? this.topic.strip() : null;
			return new Outcomes(this.investorsAttending, this.enterprisesAttending, this.investmentLeads,
					this.mousSigned, this.projectsRegistered, capital, shared, trimmedTopic, this.participants,
					this.minutesLink, plan);
		}

	}

}
