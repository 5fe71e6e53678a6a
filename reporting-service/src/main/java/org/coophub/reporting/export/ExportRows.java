package org.coophub.reporting.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.coophub.events.activity.Outcomes;
import org.coophub.reporting.dashboard.ActivityEntry;
import org.coophub.reporting.dashboard.AgreementDashboard;
import org.coophub.reporting.dashboard.Names;

/**
 * The activities and outcomes behind a dashboard view as a table: one row per activity,
 * cancelled ones included (their status says so), oldest first; optionally one year.
 */
final class ExportRows {

	static final List<String> HEADERS_VI = List.of("Mã chương trình", "Mã hoạt động", "Ngày bắt đầu", "Loại",
			"Trạng thái", "Tên hoạt động", "Tỉnh/thành", "Đơn vị chủ trì", "Nhà đầu tư", "Doanh nghiệp",
			"Dự án quan tâm", "MoU", "Dự án đăng ký", "Vốn đăng ký", "Đơn vị tiền", "Người tham dự", "Chủ đề");

	static final List<String> HEADERS_EN = List.of("Program code", "Activity id", "Starts on", "Type", "Status",
			"Title", "Province", "Host", "Investors", "Enterprises", "Investment leads", "MoUs", "Projects registered",
			"Registered capital", "Currency", "Participants", "Topic");

	private ExportRows() {
	}

	static List<String> headers(String language) {
		return "en".equals(language) ? HEADERS_EN : HEADERS_VI;
	}

	static List<List<Object>> of(List<AgreementDashboard> dashboards, Names names, Integer year, String language) {
		List<List<Object>> rows = new ArrayList<>();
		for (AgreementDashboard dashboard : dashboards) {
			String code = (dashboard.agreement() != null) ? dashboard.agreement().code() : dashboard.agreementId();
			dashboard.activities()
				.values()
				.stream()
				.filter((a) -> year == null || a.year() == year)
				.sorted(Comparator.comparing(ActivityEntry::startsAt).thenComparing(ActivityEntry::id))
				.forEach((a) -> rows.add(row(code, a, names, language)));
		}
		return rows;
	}

	private static List<Object> row(String code, ActivityEntry a, Names names, String language) {
		Outcomes o = (a.outcomes() != null) ? a.outcomes()
				: new Outcomes(null, null, null, null, null, null, null, null, null, null, null);
		BigDecimal capital = (o.registeredCapital() != null) ? o.registeredCapital().amount() : null;
		String currency = (o.registeredCapital() != null) ? o.registeredCapital().currency() : null;
		List<Object> row = new ArrayList<>();
		row.add(code);
		row.add(a.id());
		row.add(a.startsAt().toLocalDate());
		row.add(a.type().name());
		row.add(a.status().name());
		row.add((a.title() != null) ? a.title().in(language) : null);
		row.add((a.location() != null) ? a.location().province() : null);
		row.add(names.code(a.hostOrganizationId()));
		row.add(o.investorsAttending());
		row.add(o.enterprisesAttending());
		row.add(o.investmentLeads());
		row.add(o.mousSigned());
		row.add(o.projectsRegistered());
		row.add(capital);
		row.add(currency);
		row.add(o.participants());
		row.add(o.topic());
		return row;
	}

}
