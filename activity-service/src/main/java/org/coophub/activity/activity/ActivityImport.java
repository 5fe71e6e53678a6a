package org.coophub.activity.activity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.coophub.activity.agreement.KnownAgreements;
import org.coophub.activity.agreement.KnownOrganizations;
import org.coophub.platform.problem.ForbiddenException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.zone.ProgramZone;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Imports a file (CSV or XLSX) all or nothing: every row is read, validated and checked
 * against its agreement first; one bad row and nothing is stored, with every row's errors
 * returned. A preview does the same and stores nothing, answering every row.
 */
@Service
class ActivityImport {

	/** Input fields by the column they come from, for naming the cell at fault. */
	private static final Map<String, CsvColumn> COLUMNS_BY_FIELD = Map.ofEntries(
			Map.entry("agreementId", CsvColumn.AGREEMENT_ID), Map.entry("type", CsvColumn.TYPE),
			Map.entry("title.vi", CsvColumn.TITLE_VI), Map.entry("title.en", CsvColumn.TITLE_EN),
			Map.entry("title", CsvColumn.TITLE_VI), Map.entry("description", CsvColumn.DESCRIPTION),
			Map.entry("startsAt", CsvColumn.STARTS_AT), Map.entry("endsAt", CsvColumn.ENDS_AT),
			Map.entry("timeZone", CsvColumn.TIME_ZONE), Map.entry("location.province", CsvColumn.PROVINCE),
			Map.entry("location.venue", CsvColumn.VENUE), Map.entry("hostOrganizationId", CsvColumn.HOST),
			Map.entry("participantOrganizationIds", CsvColumn.PARTICIPANTS),
			Map.entry("participatingDepartments", CsvColumn.DEPARTMENTS),
			Map.entry("commitmentIds", CsvColumn.COMMITMENTS), Map.entry("status", CsvColumn.STATUS),
			Map.entry("outcomes.investorsAttending", CsvColumn.INVESTORS),
			Map.entry("outcomes.enterprisesAttending", CsvColumn.ENTERPRISES),
			Map.entry("outcomes.investmentLeads", CsvColumn.LEADS), Map.entry("outcomes.mousSigned", CsvColumn.MOUS),
			Map.entry("outcomes.projectsRegistered", CsvColumn.PROJECTS),
			Map.entry("outcomes.registeredCapital.amount", CsvColumn.CAPITAL_AMOUNT),
			Map.entry("outcomes.registeredCapital.currency", CsvColumn.CAPITAL_CURRENCY),
			Map.entry("outcomes.registeredCapital", CsvColumn.CAPITAL_AMOUNT),
			Map.entry("outcomes.documents", CsvColumn.DOCUMENTS), Map.entry("outcomes.topic", CsvColumn.TOPIC),
			Map.entry("outcomes.participants", CsvColumn.PARTICIPANT_COUNT),
			Map.entry("outcomes.minutesLink", CsvColumn.MINUTES_LINK),
			Map.entry("outcomes.planItems", CsvColumn.PLAN_ITEMS),
			Map.entry("notifyPartners", CsvColumn.NOTIFY_PARTNERS));

	private final Validator validator;

	private final ActivityService activities;

	private final KnownAgreements agreements;

	private final KnownOrganizations organizations;

	private final ProgramZone programZone;

	private final int maxRows;

	/** The service's message source: the rules' messages in Vietnamese. */
	private final MessageSource rules;

	ActivityImport(Validator validator, ActivityService activities, KnownAgreements agreements,
			KnownOrganizations organizations, ProgramZone programZone,
			@Value("${coophub.import.max-rows:10000}") int maxRows, MessageSource rules) {
		this.validator = validator;
		this.activities = activities;
		this.agreements = agreements;
		this.organizations = organizations;
		this.programZone = programZone;
		this.maxRows = maxRows;
		this.rules = rules;
	}

	/**
	 * Checks a file as {@link #importFile} would, and stores and publishes nothing.
	 * @param file the file, CSV or XLSX
	 * @param language the language of the messages
	 * @return every row, with what it would record or its errors
	 * @throws CsvRejectedException when the file as a whole cannot be read
	 */
	ImportPreview preview(byte[] file, ImportLanguage language) {
		Checked checked = check(file, new ImportMessages(language, this.rules), true);
		return ImportPreview.of(checked.format(), checked.rows(), checked.errors());
	}

	/**
	 * Imports a file all or nothing.
	 * @param file the file, CSV or XLSX
	 * @param language the language of the messages
	 * @return the activities recorded, one per row, in file order
	 * @throws CsvRejectedException when the file cannot be read or any row is wrong; then
	 * nothing was stored
	 */
	List<Activity> importFile(byte[] file, ImportLanguage language) {
		ImportMessages messages = new ImportMessages(language, this.rules);
		Checked checked = check(file, messages, false);
		if (!checked.errors().isEmpty()) {
			throw CsvRejectedException.invalid(messages, checked.errors());
		}
		return this.activities.recordAll(checked.accepted());
	}

	/**
	 * Reads, validates and checks every row against its agreement, storing nothing.
	 * @param refusalsAsErrors whether a row the user may not record is one more row error
	 * (a preview) or refuses the whole request with 403, as recording it one by one would
	 */
	private Checked check(byte[] file, ImportMessages messages, boolean refusalsAsErrors) {
		ActivityFileReader reader = ActivityFileReader.of(file, this.maxRows, messages);
		ImportReferences references = ImportReferences.load(this.agreements, this.organizations,
				reader.agreementCells(), reader.organizationCells());
		List<CsvError> errors = new ArrayList<>();
		List<ActivityFileReader.Row> rows = reader.rows(errors, references);
		List<ActivityDetails> accepted = new ArrayList<>();
		for (ActivityFileReader.Row row : rows) {
			if (row.input() == null) {
				continue;
			}
			int before = errors.size();
			for (ConstraintViolation<ActivityInput> violation : this.validator.validate(row.input())) {
				errors.add(new CsvError(row.number(), column(reader, violation.getPropertyPath().toString()),
						messages.violation(violation)));
			}
			if (errors.size() > before) {
				continue;
			}
			try {
				accepted.add(this.activities.check(row.input().toDetails(this.programZone)));
			}
			catch (RuleViolationException ex) {
				errors.add(new CsvError(row.number(), column(reader, ex.field()), messages.rule(ex)));
			}
			catch (ForbiddenException ex) {
				if (!refusalsAsErrors) {
					throw ex;
				}
				errors.add(new CsvError(row.number(), reader.headerOf(CsvColumn.AGREEMENT_ID), messages.rule(ex)));
			}
		}
		// cells that did not read were noted row by row before the checks: list in file
		// order
		errors.sort(Comparator.comparingInt(CsvError::row));
		return new Checked(reader.format(), rows, errors, accepted);
	}

	private record Checked(ImportFormat format, List<ActivityFileReader.Row> rows, List<CsvError> errors,
			List<ActivityDetails> accepted) {
	}

	private static String column(ActivityFileReader reader, String field) {
		if (field == null) {
			return null;
		}
		String withoutIndex = field.replaceAll("\\[\\d+]", "").replace(".<list element>", "");
		CsvColumn column = COLUMNS_BY_FIELD.get(withoutIndex);
		// outcomes.documents.link and such: the column of the nearest enclosing field
		String path = withoutIndex;
		while (column == null && path.contains(".")) {
			path = path.substring(0, path.lastIndexOf('.'));
			column = COLUMNS_BY_FIELD.get(path);
		}
		if (column == null && withoutIndex.startsWith("endsAt")) {
			column = CsvColumn.ENDS_AT;
		}
		return (column != null) ? reader.headerOf(column) : field;
	}

}
