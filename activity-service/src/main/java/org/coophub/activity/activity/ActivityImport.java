package org.coophub.activity.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.coophub.platform.problem.RuleViolationException;

import org.coophub.platform.zone.ProgramZone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Imports a CSV file all or nothing: every row is read, validated and checked against its
 * agreement first; one bad row and nothing is stored, with every row's errors returned.
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

	private final ProgramZone programZone;

	private final int maxRows;

	ActivityImport(Validator validator, ActivityService activities, ProgramZone programZone,
			@Value("${coophub.import.max-rows:10000}") int maxRows) {
		this.validator = validator;
		this.activities = activities;
		this.programZone = programZone;
		this.maxRows = maxRows;
	}

	List<Activity> importFile(byte[] file) {
		ActivityCsvReader reader = ActivityCsvReader.of(file, this.maxRows);
		List<CsvError> errors = new ArrayList<>();
		List<ActivityDetails> accepted = new ArrayList<>();
		for (ActivityCsvReader.Row row : reader.rows(errors)) {
			int before = errors.size();
			for (ConstraintViolation<ActivityInput> violation : this.validator.validate(row.input())) {
				errors.add(new CsvError(row.number(), column(reader, violation.getPropertyPath().toString()),
						violation.getMessage()));
			}
			if (errors.size() > before) {
				continue;
			}
			try {
				accepted.add(this.activities.check(row.input().toDetails(this.programZone)));
			}
			catch (RuleViolationException ex) {
				errors.add(new CsvError(row.number(), column(reader, ex.field()), ex.getMessage()));
			}
		}
		if (!errors.isEmpty()) {
			throw CsvRejectedException.invalid(errors);
		}
		return this.activities.recordAll(accepted);
	}

	private static String column(ActivityCsvReader reader, String field) {
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
