package org.coophub.systemtests.reliability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.coophub.localstack.process.StackService;

import static org.awaitility.Awaitility.await;

/**
 * The two boards and one cooperation program per scenario, created over the API as the
 * secretariat would. Each scenario's agreement keeps its counts apart from the others'.
 */
final class Program {

	static final String LAM_DONG_CONTACT = "xuctiendautu@rel-lamdong.example";

	private final StackHttp http;

	private final String lamDong;

	private final String hcmc;

	private Program(StackHttp http, String lamDong, String hcmc) {
		this.http = http;
		this.lamDong = lamDong;
		this.hcmc = hcmc;
	}

	static Program register(StackHttp http) {
		String lamDong = http.created(StackService.AGREEMENT, "/api/v1/organizations", """
				{"code":"REL-BQL-LD","name":{"vi":"Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
				 "en":"Lam Dong Province Industrial Zones Authority"},"kind":"INDUSTRIAL_ZONE_AUTHORITY",
				 "province":"Lâm Đồng","contacts":[{"name":"Phòng Xúc tiến Đầu tư",
				 "email":"%s","language":"vi","notify":true}]}
				""".formatted(LAM_DONG_CONTACT)).get("id").asString();
		String hcmc = http.created(StackService.AGREEMENT, "/api/v1/organizations", """
				{"code":"REL-HEPZA","name":{"vi":"Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM"},
				 "kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"TP. Hồ Chí Minh",
				 "contacts":[{"name":"Văn phòng","email":"vanphong@rel-hepza.example","language":"vi","notify":true}]}
				""").get("id").asString();
		return new Program(http, lamDong, hcmc);
	}

	/**
	 * An active agreement that activity-service already knows, so activities under it are
	 * accepted.
	 */
	String activeAgreement(String tag) {
		String agreement = this.http
			.created(StackService.AGREEMENT, "/api/v1/agreements",
					"""
							{"code":"REL-%s","title":{"vi":"Chương trình hợp tác Lâm Đồng – TP.HCM (%s)"},
							 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
							 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2035-12-31","areas":["INVESTMENT_PROMOTION"],
							 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
							"""
						.formatted(tag, tag, this.lamDong, this.hcmc, this.hcmc, this.lamDong, this.hcmc))
			.get("id")
			.asString();
		String etag = this.http.send(StackService.AGREEMENT, "GET", "/api/v1/agreements/" + agreement, null).etag();
		// the scripts' client (ADMIN) belongs to neither party: both accept before the
		// activation
		for (String party : List.of(this.lamDong, this.hcmc)) {
			StackHttp.Answer accepted = this.http.send(StackService.AGREEMENT, "POST",
					"/api/v1/agreements/" + agreement + "/parties/" + party + "/accept", null, "If-Match", etag);
			if (accepted.status() != 200) {
				throw new IllegalStateException("accept answered " + accepted.status() + ": " + accepted.body());
			}
			etag = accepted.etag();
		}
		StackHttp.Answer activated = this.http.send(StackService.AGREEMENT, "POST",
				"/api/v1/agreements/" + agreement + "/activate", null, "If-Match", etag);
		if (activated.status() != 200) {
			throw new IllegalStateException("activate answered " + activated.status() + ": " + activated.body());
		}
		await().atMost(Reliability.PROPAGATION)
			.until(() -> this.http
				.send(StackService.ACTIVITY, "GET", "/api/v1/activities?agreementId=" + agreement + "&size=1", null)
				.status() == 200 && conferenceAccepted(agreement, tag + "-probe"));
		return agreement;
	}

	/** Posts one conference; true when activity-service accepted it (201). */
	boolean conferenceAccepted(String agreement, String title) {
		return recordConference(agreement, title).status() == 201;
	}

	/**
	 * Yesterday's conference: news the other party is mailed (one that ended more than
	 * the history window before it was recorded would be history, and mail nobody).
	 */
	StackHttp.Answer recordConference(String agreement, String title) {
		LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
		return this.http.send(StackService.ACTIVITY, "POST", "/api/v1/activities", """
				{"agreementId":"%s","type":"INVESTMENT_PROMOTION_CONFERENCE",
				 "title":{"vi":"%s Hội nghị xúc tiến đầu tư","en":"%s Investment promotion conference"},
				 "startsAt":"%sT08:00:00","endsAt":"%sT17:00:00",
				 "location":{"province":"TP. Hồ Chí Minh","venue":"Trung tâm Hội nghị"},
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"COMPLETED",
				 "outcomes":{"investorsAttending":10,"mousSigned":1}}
				""".formatted(agreement, title, title, yesterday, yesterday, this.hcmc, this.lamDong));
	}

}
