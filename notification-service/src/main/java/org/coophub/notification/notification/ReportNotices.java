package org.coophub.notification.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coophub.events.agreement.Contact;
import org.coophub.events.report.AnnualReportGenerated;
import org.coophub.notification.directory.Directory;
import org.coophub.notification.directory.KnownAgreement;
import org.coophub.notification.directory.KnownOrganization;
import org.coophub.platform.messaging.NotArrivedYetException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * E-mails the parties' contacts a link to a newly generated annual review report. Keyed
 * by the report's content hash: the same report generated again is not mailed again, a
 * changed one is.
 */
@Service
public class ReportNotices {

	static final String TEMPLATE = NotificationKind.ANNUAL_REPORT.value();

	private final Directory directory;

	private final MailTemplates templates;

	private final NotificationDispatcher dispatcher;

	private final Clock clock;

	private final String reportsBaseUrl;

	ReportNotices(Directory directory, MailTemplates templates, NotificationDispatcher dispatcher, Clock clock,
			@Value("${coophub.reports.base-url}") String reportsBaseUrl) {
		this.directory = directory;
		this.templates = templates;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.reportsBaseUrl = reportsBaseUrl.replaceAll("/+$", "");
	}

	public void generated(AnnualReportGenerated event) {
		KnownAgreement agreement = this.directory.agreement(event.agreementId())
			.orElseThrow(() -> new NotArrivedYetException("agreement " + event.agreementId()));
		// the signed link opens without a session; older events have only the path
		String path = (event.linkPath() != null) ? event.linkPath() : event.path();
		String link = path.startsWith("http") ? path : this.reportsBaseUrl + (path.startsWith("/") ? "" : "/") + path;
		// only parties that accepted, and not of a report made before they did
		for (String partyId : agreement.acceptedPartyIds()) {
			if (!this.directory.toldOf(agreement, partyId, event.occurredAt())) {
				continue;
			}
			KnownOrganization party = this.directory.organization(partyId)
				.orElseThrow(() -> new NotArrivedYetException("organization " + partyId));
			for (Contact contact : party.recipients()) {
				String language = "en".equals(contact.language()) ? "en" : "vi";
				String email = contact.email().strip().toLowerCase(Locale.ROOT);
				String key = TEMPLATE + ":" + agreement.id() + ":" + event.year() + ":" + event.contentHash() + ":"
						+ email;
				Map<String, Object> model = new LinkedHashMap<>();
				model.put("recipientName", contact.name());
				model.put("organizationName", party.name().in(language));
				model.put("agreementCode", agreement.code());
				model.put("agreementTitle", agreement.title().in(language));
				model.put("year", String.valueOf(event.year()));
				model.put("link", link);
				model.put("contentHash", event.contentHash());
				RenderedMail mail = this.templates.render(TEMPLATE, "report", language, model, agreement.code(),
						String.valueOf(event.year()));
				// inserted claimed and sent from memory, as an activity's notice
				this.dispatcher.planAndSendSoon(Notification.plan(NotificationKind.ANNUAL_REPORT, key, agreement.id(),
						email, mail, this.clock.instant()));
			}
		}
	}

}
