package org.coophub.systemtests.reliability;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.mail.CapturedMail;
import org.coophub.localstack.process.StackService;
import tools.jackson.databind.JsonNode;

/**
 * What the system did with one agreement's activities, read from where a user sees it:
 * activity-service's store, reporting-service's dashboard and the mail the other party
 * received.
 *
 * @param stored titles activity-service holds
 * @param onDashboard conferences reporting-service counts
 * @param mailsPerTitle distinct e-mails (by {@code Message-ID}, as a mail client shows
 * them) received by the Lâm Đồng contact, per activity title
 * @param resentCopies copies of an e-mail received again with the same
 * {@code Message-ID}: a send cut off by a crash after the SMTP server took it
 */
record Effects(List<String> stored, int onDashboard, Map<String, Long> mailsPerTitle, long resentCopies) {

	static Effects of(LocalStack stack, StackHttp http, String agreement, String tag) {
		List<String> stored = storedTitles(http, agreement);
		JsonNode dashboard = http.get(StackService.REPORTING, "/api/v1/dashboard/agreements/" + agreement);
		int onDashboard = (dashboard == null) ? -1
				: dashboard.at("/activitiesByType/INVESTMENT_PROMOTION_CONFERENCE").asInt(0);
		List<CapturedMail> received = stack.smtp()
			.messagesTo(Program.LAM_DONG_CONTACT)
			.stream()
			.filter((mail) -> titleIn(mail.subject(), tag) != null)
			.toList();
		Map<String, List<CapturedMail>> copies = received.stream()
			.collect(Collectors.groupingBy((mail) -> (mail.messageId() != null) ? mail.messageId() : mail.id()));
		Map<String, Long> mails = copies.values()
			.stream()
			.map((sameMail) -> titleIn(sameMail.get(0).subject(), tag))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		return new Effects(stored, onDashboard, mails, received.size() - copies.size());
	}

	/** Every page of the agreement's activities: a page holds at most 200. */
	private static List<String> storedTitles(StackHttp http, String agreement) {
		List<String> titles = new java.util.ArrayList<>();
		for (int number = 0;; number++) {
			JsonNode page = http.get(StackService.ACTIVITY,
					"/api/v1/activities?agreementId=" + agreement + "&size=200&page=" + number);
			if (page == null) {
				return titles;
			}
			StreamSupport.stream(page.get("content").spliterator(), false)
				.map((activity) -> activity.at("/title/vi").asString().replace(" Hội nghị xúc tiến đầu tư", ""))
				.forEach(titles::add);
			if (number + 1 >= page.at("/page/totalPages").asInt()) {
				return titles;
			}
		}
	}

	private static String titleIn(String subject, String tag) {
		int start = subject.indexOf(tag + "-");
		if (start < 0) {
			return null;
		}
		int end = subject.indexOf(' ', start);
		return subject.substring(start, (end < 0) ? subject.length() : end);
	}

	/** Every stored activity counted once on the dashboard and mailed once. */
	boolean settled() {
		return this.onDashboard == this.stored.size() && this.mailsPerTitle.keySet().containsAll(this.stored)
				&& this.mailsPerTitle.size() == this.stored.size();
	}

	long duplicateMails() {
		return this.mailsPerTitle.values().stream().mapToLong((count) -> count - 1).sum();
	}

	long mails() {
		return this.mailsPerTitle.values().stream().mapToLong(Long::longValue).sum();
	}

}
