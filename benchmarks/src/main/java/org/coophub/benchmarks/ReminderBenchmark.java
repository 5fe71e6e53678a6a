package org.coophub.benchmarks;

import java.time.Duration;
import java.time.Instant;

import org.coophub.localstack.process.StackService;

/**
 * Review reminders of many agreements at once: agreements whose review is seven days away
 * with a seven-day reminder, so each is due today; counted as the mails to the set's own
 * domain arriving in the SMTP capture (nothing else is sent to that domain: no activities
 * are recorded under these agreements).
 */
final class ReminderBenchmark {

	private final Api api;

	private final MeasuredStack stack;

	private final BenchmarkOptions options;

	ReminderBenchmark(Api api, MeasuredStack stack, BenchmarkOptions options) {
		this.api = api;
		this.stack = stack;
		this.options = options;
	}

	void run(Fixtures fixtures, RunResult result) throws Exception {
		int count = this.options.reminderAgreements();
		long start = System.nanoTime();
		// all reminders fall due at one moment, once every agreement should exist and be
		// planned (10,000 were created in 304 s and planned 42 s after the last, here):
		// waiting longer measures nothing. One created later is reminded 30 s after its
		// creation, one planned after its moment is sent late: either lowers the rate
		Instant remindAt = Instant.now().plusSeconds(60 + count * 45L / 1000);
		Fixtures.Partners partners = fixtures.reminderAgreements("reminders", count, remindAt, 7);
		double createSeconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("  %d agreements with a review due in 7 days created in %.1f s%n", count, createSeconds);
		result.measure("reminders.create.seconds", count + " agreements created and activated over HTTP", "s",
				Stats.round(createSeconds));
		String last = partners.agreementIds().get(partners.agreementIds().size() - 1);
		long planDeadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (System.nanoTime() < planDeadline && this.api
			.send(this.stack.url(StackService.NOTIFICATION), "GET", "/api/v1/agreements/" + last + "/review-schedule",
					null, null)
			.statusCode() != 200) {
			Thread.sleep(100);
		}
		double planned = (System.nanoTime() - start) / 1e9;
		result.measure("reminders.planned.seconds", "until the last agreement's review schedule was planned", "s",
				Stats.round(planned));
		result.measure("reminders.planned-after.seconds",
				"after the last agreement was activated, until its review schedule was planned", "s",
				Stats.round(planned - createSeconds));
		String domain = partners.mailDomain();
		long untilDue = Math.max(0, Duration.between(Instant.now(), remindAt).toNanos());
		long waitUntil = System.nanoTime() + untilDue
				+ Duration.ofSeconds(this.options.reminderWaitSeconds()).toNanos();
		int mails = this.stack.mailsTo(domain);
		while (mails == 0 && System.nanoTime() < waitUntil) {
			Thread.sleep(500);
			mails = this.stack.mailsTo(domain);
		}
		if (mails <= 0) {
			result.note("Reminders: no reminder mail reached the SMTP capture within "
					+ this.options.reminderWaitSeconds() + " s after the schedules were planned"
					+ ((mails < 0) ? " (the capture could not be read)" : "")
					+ "; not measured. If reminders are sent by a timed job, pass its interval with --service-arg.");
			result.reason("reminders.sends-per-second", "no reminder mail arrived (feature absent or not due)");
			return;
		}
		long first = System.nanoTime();
		long lastGrowth = first;
		int expected = count * 2;
		// done when every contact has its mail or nothing new came for ten seconds
		while (mails < expected && System.nanoTime() - lastGrowth < Duration.ofSeconds(10).toNanos()) {
			Thread.sleep(250);
			int now = this.stack.mailsTo(domain);
			if (now > mails) {
				mails = now;
				lastGrowth = System.nanoTime();
			}
		}
		double sending = Math.max(0.001, (lastGrowth - first) / 1e9);
		double total = (lastGrowth - start) / 1e9;
		result.measure("reminders.mails", "reminder mails received by the SMTP capture", "mails", mails);
		result.measure("reminders.missing", "reminder mails never received (" + expected + " due)", "mails",
				Math.max(0, expected - mails));
		result.measure("reminders.seconds", "from the first agreement created to the last reminder received", "s",
				Stats.round(total));
		result.measure("reminders.sends-per-second", "reminder sends per second (first to last mail)", "mails/s",
				Stats.round(mails / sending));
		System.out.printf("  %d reminder mails, %.1f mails/s, %.1f s in all%n", mails, mails / sending, total);
		this.stack.clearMail();
	}

}
