package org.coophub.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.coophub.localstack.process.StackService;

/**
 * Organizations and agreements to measure with, created through agreement-service's API
 * like staff would. Each set has its own e-mail domain so the mails it causes can be
 * counted apart.
 */
final class Fixtures {

	/**
	 * The zone the fixtures' dates are in: the services' default
	 * ({@code coophub.program.zone}, which the benchmark's stack leaves as it is). The
	 * benchmark is a client and does not run cooperation-platform, so it names the zone
	 * once here.
	 */
	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final Api api;

	private final MeasuredStack stack;

	private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();

	Fixtures(Api api, MeasuredStack stack) {
		this.api = api;
		this.stack = stack;
	}

	/**
	 * Two partner organizations and {@code count} active agreements between them.
	 * @param set a short name, also the mail domain {@code <set>.bench.example}
	 * @param notify whether the partners' contacts take e-mail
	 * @param reviewInDays days from today (in {@link #ZONE}) to each agreement's review
	 * @param leadDays when reminders go out, days before the review
	 */
	Partners agreements(String set, int count, boolean notify, int reviewInDays, int leadDays) throws Exception {
		LocalDate review = LocalDate.now(ZONE).plusDays(reviewInDays);
		return agreements(set, count, notify, () -> new Review(review, ZONE.getId(), leadDays));
	}

	/**
	 * Agreements whose one review reminder is due at {@code remindAt}, or 30 s after the
	 * agreement is created if that is later. Reminders go out at 08:00 in the review
	 * policy's time zone and never for a moment already past, so each policy gets the UTC
	 * offset that makes that moment 08:00.
	 */
	Partners reminderAgreements(String set, int count, Instant remindAt, int leadDays) throws Exception {
		return agreements(set, count, true, () -> {
			Instant moment = Instant.now().plusSeconds(30);
			return Review.remindingAt(moment.isAfter(remindAt) ? moment : remindAt, leadDays);
		});
	}

	private Partners agreements(String set, int count, boolean notify, Supplier<Review> review) throws Exception {
		URI agreements = this.stack.url(StackService.AGREEMENT);
		String tag = (set + "-" + this.runId).toUpperCase();
		String lamDong = organization(agreements, "LD-" + tag, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
				"Lâm Đồng", "xuctien@ld." + set + ".bench.example", notify);
		String hepza = organization(agreements, "HCM-" + tag, "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM",
				"TP. Hồ Chí Minh", "vanphong@hcm." + set + ".bench.example", notify);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<String>> created = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String code = "B-" + tag + "-" + i;
				created.add(pool.submit(() -> agreement(agreements, code, lamDong, hepza, review.get())));
			}
			List<String> ids = new ArrayList<>();
			for (Future<String> future : created) {
				ids.add(future.get());
			}
			return new Partners(lamDong, hepza, ids, set + ".bench.example");
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String organization(URI base, String code, String name, String province, String email, boolean notify)
			throws IOException, InterruptedException {
		return this.api.post(base, "/api/v1/organizations", """
				{"code":"%s","name":{"vi":"%s","en":"%s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"%s",
				 "contacts":[{"name":"Phòng Xúc tiến Đầu tư","email":"%s","language":"vi","notify":%s}]}
				""".formatted(code, name, code, province, email, notify)).get("id").asString();
	}

	private String agreement(URI base, String code, String lamDong, String hepza, Review review)
			throws IOException, InterruptedException {
		String id = this.api
			.post(base, "/api/v1/agreements",
					"""
							{"code":"%s","title":{"vi":"Chương trình hợp tác Lâm Đồng – TP.HCM %s","en":"Benchmark %s"},
							 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
							 "signedOn":"2020-01-15","startsOn":"2020-01-15","endsOn":"2035-12-31","areas":["INVESTMENT_PROMOTION"],
							 "reviewPolicy":{"month":%d,"day":%d,"timeZone":"%s","hostRotation":["%s","%s"],
							   "lastHostOrganizationId":"%s","reminderLeadDays":[%d]}}
							"""
						.formatted(code, code, code, lamDong, hepza, review.date().getMonthValue(),
								review.date().getDayOfMonth(), review.zone(), hepza, lamDong, hepza, review.leadDays()))
			.get("id")
			.asString();
		// the benchmark's client (ADMIN) belongs to neither party: both accept, then the
		// draft (version 1) is activated
		String version = "\"1\"";
		for (String party : List.of(lamDong, hepza)) {
			version = this.api.agreementAction(base, id, "parties/" + party + "/accept", version);
		}
		this.api.agreementAction(base, id, "activate", version);
		return id;
	}

	/**
	 * A completed investment conference hosted by HCMC with Lâm Đồng taking part, as
	 * JSON, held within the last ten days: older ones are history, of which the partners
	 * are not mailed (docs/notifications.md), and the pipeline measures the mail.
	 */
	static String conference(Partners partners, String agreementId, int n) {
		LocalDate day = LocalDate.now(ZONE).minusDays(1 + n % 10);
		return """
				{"agreementId":"%s","type":"INVESTMENT_PROMOTION_CONFERENCE",
				 "title":{"vi":"Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng số %d","en":"Investment conference %d"},
				 "startsAt":"%sT08:00:00","endsAt":"%sT17:00:00",
				 "location":{"province":"TP. Hồ Chí Minh","venue":"Trung tâm Hội nghị"},
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"COMPLETED",
				 "outcomes":{"investorsAttending":%d,"mousSigned":2,
				   "registeredCapital":{"amount":120000000000,"currency":"VND"}}}
				""".formatted(agreementId, n, n, day, day, partners.hepza(), partners.lamDong(),
				50 + ThreadLocalRandom.current().nextInt(100));
	}

	/**
	 * A CSV file of activities for the import endpoint, {@code perAgreement} rows for
	 * each agreement.
	 */
	static String csv(Partners partners, List<String> agreementIds, int perAgreement) {
		StringBuilder csv = new StringBuilder(
				"agreementId,type,titleVi,titleEn,startsAt,endsAt,hostOrganizationId,participantOrganizationIds,status,"
						+ "investorsAttending,capitalAmount,capitalCurrency\n");
		String[] types = { "INVESTMENT_PROMOTION_CONFERENCE", "INFORMATION_EXCHANGE", "DOCUMENT_SHARING",
				"JOINT_MEETING", "SITE_VISIT" };
		for (String agreement : agreementIds) {
			for (int i = 0; i < perAgreement; i++) {
				String type = types[i % types.length];
				boolean conference = i % types.length == 0;
				// within the agreements' period, which starts on 2020-01-15
				int year = 2020 + i % 6;
				int month = 2 + i % 11;
				int day = 1 + i % 28;
				csv.append(agreement)
					.append(',')
					.append(type)
					.append(",Hoạt động hợp tác số ")
					.append(i)
					.append(",Activity ")
					.append(i)
					.append(',')
					.append("%d-%02d-%02dT08:00:00,%d-%02d-%02dT17:00:00".formatted(year, month, day, year, month, day))
					.append(',')
					.append(partners.hepza())
					.append(',')
					.append(partners.lamDong())
					.append(",COMPLETED,")
					.append(conference ? "80" : "")
					.append(',')
					.append(conference ? "1000000000" : "")
					.append(',')
					.append(conference ? "VND" : "")
					.append('\n');
			}
		}
		return csv.toString();
	}

	/**
	 * An agreement's review: its date, the policy's time zone and the one reminder's
	 * lead.
	 */
	record Review(LocalDate date, String zone, int leadDays) {

		static Review remindingAt(Instant moment, int leadDays) {
			int offset = 8 * 3600 - moment.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
			ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset);
			return new Review(moment.atOffset(zone).toLocalDate().plusDays(leadDays), zone.getId(), leadDays);
		}

	}

	/**
	 * Two partners, their agreements and the mail domain of their contacts.
	 */
	record Partners(String lamDong, String hepza, List<String> agreementIds, String mailDomain) {
	}

}
